/**
 * A text with its matched words in <mark>, built from character ranges as React elements: entry text
 * is never inserted as HTML, whatever it contains.
 */
import { Fragment } from 'react'

export function Marked({ text, ranges }: { text: string; ranges?: readonly (readonly [number, number])[] }) {
  const parts: React.ReactNode[] = []
  let at = 0
  for (const [start, end] of ranges ?? []) {
    if (start < at || end <= start || end > text.length) continue
    parts.push(
      <Fragment key={`t${at}`}>{text.slice(at, start)}</Fragment>,
      <mark key={`m${start}`}>{text.slice(start, end)}</mark>,
    )
    at = end
  }
  parts.push(<Fragment key={`t${at}`}>{text.slice(at)}</Fragment>)
  return <>{parts}</>
}
