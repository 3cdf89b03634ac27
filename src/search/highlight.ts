/** Marks the matched words in a short text, HTML-escaped, for result lists. */
import { BIGRAM_PREFIX } from './analysis/analyzer'

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function highlight(text: string, matchedTerms: Iterable<string>): string | undefined {
  const needles = [
    ...new Set(
      [...matchedTerms]
        .filter((t) => !t.includes(':') || t.startsWith(BIGRAM_PREFIX))
        .map((t) => t.replace(BIGRAM_PREFIX, '')),
    ),
  ]
    .filter((t) => t.length > 0)
    .sort((a, b) => b.length - a.length)
  if (!text || needles.length === 0) return undefined
  const pattern = new RegExp(needles.map(escapeRegExp).join('|'), 'gi')
  let marked = false
  const out = text.replace(pattern, (m) => {
    marked = true
    return `\u0000${m}\u0001`
  })
  if (!marked) return undefined
  // Adjacent marks (bigram after bigram) merge into one.
  return escapeHtml(out.replaceAll('\u0001\u0000', '')).replaceAll('\u0000', '<mark>').replaceAll('\u0001', '</mark>')
}
