/** Text normalisation shared by indexing and queries: width, case and script folded. */
import * as OpenCC from 'opencc-js'

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' })

/** Full-width forms become half-width (NFKC), Latin is lower-cased, traditional becomes simplified. */
export function normalizeText(text: string): string {
  return toSimplified(text.normalize('NFKC').toLowerCase())
}

const CJK = /\p{Script=Han}/u
export const hasHan = (s: string): boolean => CJK.test(s)
export const isLatinWord = (s: string): boolean => /^[a-z]+$/.test(s)
export const isWordToken = (s: string): boolean => /[\p{Script=Han}a-z0-9]/u.test(s)
