/**
 * Marks the matched words in a short text for result lists: as character ranges, which pages render
 * as elements around plain text, and as HTML-escaped `<mark>` fragments for API callers.
 */
import { BIGRAM_PREFIX } from './analysis/analyzer'

/** Half-open [start, end) offsets into the text, in UTF-16 code units, sorted and not overlapping. */
export type MarkRange = [number, number]

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function markRanges(text: string | undefined, matchedTerms: Iterable<string>): MarkRange[] {
  const needles = [
    ...new Set(
      [...matchedTerms]
        .filter((t) => !t.includes(':') || t.startsWith(BIGRAM_PREFIX))
        .map((t) => t.replace(BIGRAM_PREFIX, '')),
    ),
  ]
    .filter((t) => t.length > 0)
    .sort((a, b) => b.length - a.length)
  if (!text || needles.length === 0) return []
  const ranges: MarkRange[] = []
  for (const m of text.matchAll(new RegExp(needles.map(escapeRegExp).join('|'), 'gi'))) {
    const start = m.index
    const end = start + m[0].length
    const last = ranges.at(-1)
    // Adjacent marks (bigram after bigram) merge into one.
    if (last && last[1] === start) last[1] = end
    else ranges.push([start, end])
  }
  return ranges
}

/** The text as HTML with the ranges in `<mark>`; everything else escaped. */
function markedHtml(text: string, ranges: readonly MarkRange[]): string | undefined {
  if (ranges.length === 0) return undefined
  let out = ''
  let at = 0
  for (const [start, end] of ranges) {
    out += `${escapeHtml(text.slice(at, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`
    at = end
  }
  return out + escapeHtml(text.slice(at))
}

/** A hit's title and summary marks, as ranges and as HTML. */
export function hitHighlights(document: { title: string; summary: string }, matchedTerms: Iterable<string>) {
  const terms = [...matchedTerms]
  const marks = { title: markRanges(document.title, terms), summary: markRanges(document.summary, terms) }
  return {
    marks,
    highlights: {
      title: markedHtml(document.title, marks.title),
      summary: markedHtml(document.summary, marks.summary),
    },
  }
}
