/**
 * The one Chinese analyzer both engines share: index tokens (words, character bigrams, pinyin) and
 * weighted query terms (the caller's words first; sub-words, bigrams, homophones and synonyms count
 * less), plus what a query's words need to count as answered.
 */
import { COLLOQUIAL_RULES, HOTLINE_WORDS, INTENT_CUES, STOP_WORDS } from './lexicon'
import { hasHan, isLatinWord, isWordToken, normalizeText } from './normalize'
import { INITIALS_PREFIX, PINYIN_PREFIX, pinyinKeys } from './pinyin'
import { createSegmenter } from './segment'
import { buildExpansions, type SynonymRule } from './synonyms'

export const BIGRAM_PREFIX = 'b:'

/** Relative weights of the query terms derived from one word of the caller. */
export const QUERY_WEIGHTS = {
  word: 1,
  subWord: 0.6,
  synonym: 0.5,
  bigram: 0.35,
  homophone: 0.3,
  pinyinInput: 0.9,
  initialsInput: 0.6,
}

export type QueryAnalysis = {
  /** Every term to look up, with its weight. */
  terms: Map<string, number>
  /** The terms that come from the caller's own text (not synonyms), most important first. */
  literal: string[]
  /** The caller's content words, each with the terms that count as evidence for it. */
  words: { word: string; evidence: Set<string>; bigrams: string[] }[]
  /** Structured fields and entry types the question asks about (多少钱 → fee, 在哪 → location …). */
  intent: { types: Set<string>; fields: Set<string> }
}

/**
 * The hotline vocabulary and the synonym rules (colloquial terms among them) kb-admins keep in the
 * CMS; without them, the general lexicon this project ships (which also seeds the CMS).
 */
export type AnalyzerOptions = { words?: readonly string[]; synonyms?: readonly SynonymRule[] }

function bigramsOf(text: string): string[] {
  const out: string[] = []
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) out.push(BIGRAM_PREFIX + run.slice(i, i + 2))
  }
  return out
}

export function createAnalyzer(options: AnalyzerOptions = {}) {
  const segmenter = createSegmenter(options.words ?? HOTLINE_WORDS)
  const expansions = buildExpansions(options.synonyms ?? COLLOQUIAL_RULES, normalizeText)
  const multiCharKeys = [...expansions.keys()].filter((k) => k.length >= 2)

  const contentWords = (words: string[]) => words.filter((w) => isWordToken(w) && !STOP_WORDS.has(w))

  /** A text's content words (with the shorter words inside long ones) and character bigrams. */
  function textTokens(text: string): { words: string[]; tokens: string[] } {
    const normalized = normalizeText(text)
    const words = contentWords(segmenter.searchWords(normalized))
    return { words, tokens: [...words, ...bigramsOf(normalized)] }
  }

  /** Tokens stored for a field's text: its text tokens and the pinyin keys of its words. */
  function indexTokens(text: string): string[] {
    const { words, tokens } = textTokens(text)
    for (const w of words) {
      if (hasHan(w) && w.length >= 2) {
        const { full, initials } = pinyinKeys(w)
        tokens.push(PINYIN_PREFIX + full, INITIALS_PREFIX + initials)
      }
    }
    return tokens
  }

  function analyzeQuery(query: string): QueryAnalysis {
    const normalized = normalizeText(query).trim()
    const terms = new Map<string, number>()
    const add = (term: string, weight: number) => {
      if (term && weight > (terms.get(term) ?? 0)) terms.set(term, weight)
    }
    const expansionWords = (key: string) =>
      [...(expansions.get(key) ?? [])].flatMap((s) => contentWords(segmenter.words(s)))

    const words = contentWords(segmenter.words(normalized)).map((word) => {
      const evidence = new Set<string>([word])
      add(word, QUERY_WEIGHTS.word)
      if (isLatinWord(word)) {
        add(PINYIN_PREFIX + word, QUERY_WEIGHTS.pinyinInput)
        evidence.add(PINYIN_PREFIX + word)
        if (word.length <= 6) {
          add(INITIALS_PREFIX + word, QUERY_WEIGHTS.initialsInput)
          evidence.add(INITIALS_PREFIX + word)
        }
      }
      if (hasHan(word) && word.length >= 3) {
        for (const sub of contentWords(segmenter.searchWords(word))) {
          if (sub !== word) add(sub, QUERY_WEIGHTS.subWord)
        }
      }
      const bigrams = hasHan(word) ? bigramsOf(word) : []
      for (const b of bigrams) add(b, QUERY_WEIGHTS.bigram)
      if (hasHan(word) && word.length >= 2) {
        const homophone = PINYIN_PREFIX + pinyinKeys(word).full
        add(homophone, QUERY_WEIGHTS.homophone)
        evidence.add(homophone)
      }
      return { word, evidence, bigrams }
    })
    // Engines that expand synonyms themselves (Typesense) are given these terms only.
    const literal = [...terms].sort((a, b) => b[1] - a[1]).map(([term]) => term)
    for (const w of words) {
      for (const s of expansionWords(w.word)) {
        add(s, QUERY_WEIGHTS.synonym)
        w.evidence.add(s)
      }
    }
    // Phrases the segmenter split apart ("公司不开了" → 不开了) still expand.
    for (const key of multiCharKeys) {
      if (normalized.includes(key) && !words.some((w) => w.word === key)) {
        for (const s of expansionWords(key)) add(s, QUERY_WEIGHTS.synonym)
      }
    }

    const intent = { types: new Set<string>(), fields: new Set<string>() }
    for (const cue of INTENT_CUES) {
      if (cue.cues.some((c) => normalized.includes(c))) {
        cue.types?.forEach((t) => intent.types.add(t))
        cue.fields.forEach((f) => intent.fields.add(f))
      }
    }
    return { terms, literal, words, intent }
  }

  /** Tokens of a query as a plain BM25 baseline would see them: jieba words only. */
  const baselineTokens = (query: string) => contentWords(segmenter.words(normalizeText(query)))

  return { indexTokens, textTokens, analyzeQuery, baselineTokens, normalize: normalizeText }
}

export type Analyzer = ReturnType<typeof createAnalyzer>
