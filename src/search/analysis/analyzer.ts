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
import { isKnownWord, wordWeight } from './wordWeight'

export const BIGRAM_PREFIX = 'b:'
/** Single characters of titles and similar questions: the last fallback for words nothing else matches. */
export const CHAR_PREFIX = 'c:'
/** Leading parts of Latin words (etc → etcp), so that an abbreviation matches by prefix. */
export const LATIN_PREFIX = 'lp:'

/** Relative weights of the query terms derived from one word of the caller. */
export const QUERY_WEIGHTS = {
  word: 1,
  subWord: 0.6,
  synonym: 0.5,
  bigram: 0.35,
  homophone: 0.3,
  character: 0.2,
  pinyinInput: 0.9,
  initialsInput: 0.6,
}

/** One word of a text with its weight (0.15–1) and the terms that count as evidence for it. */
export type QueryWord = {
  word: string
  weight: number
  evidence: Set<string>
  /** Its character bigrams: half of them found count as evidence too (typos, other word orders). */
  bigrams: string[]
  /** Its characters, the engine's last fallback for words the index does not hold. */
  characters: string[]
}

export type QueryAnalysis = {
  /** Every term to look up, with its weight. */
  terms: Map<string, number>
  /** The terms that come from the caller's own text (not synonyms), most important first. */
  literal: string[]
  /** The caller's words. */
  words: QueryWord[]
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
  const vocabulary = new Set((options.words ?? HOTLINE_WORDS).map(normalizeText))

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

  /** A segment to split up: an HMM guess, or a phrase built around a filler (怎么弄, 一下子). */
  const guessedOrFiller = (word: string, tag: string) =>
    tag === 'x' ||
    !isKnownWord(word) ||
    (word.length >= 3 && segmenter.dictionaryWords(word).some((piece) => piece !== word && STOP_WORDS.has(piece)))

  /**
   * The caller's words with their weights: jieba's segments, except that segments the general
   * dictionary does not know (HMM guesses such as 费是, 我刚) or that wrap a filler fall back to the
   * dictionary's pieces; each word counts once.
   */
  function weightedWords(text: string): { word: string; weight: number }[] {
    const out: { word: string; weight: number }[] = []
    const seen = new Set<string>()
    const push = (word: string, tag: string) => {
      if (!word.trim() || seen.has(word)) return
      seen.add(word)
      out.push({ word, weight: wordWeight(word, tag, vocabulary) })
    }
    for (const { word, tag } of segmenter.tagged(text)) {
      const split = hasHan(word) && word.length >= 2 && !vocabulary.has(word) && guessedOrFiller(word, tag)
      const pieces = split
        ? segmenter.tagged(segmenter.dictionaryWords(word).join(' ')).filter((p) => p.word.trim())
        : []
      // A guess made of content characters (a typo such as 社宝, a new name) stays whole.
      const filler = pieces.some((p) => STOP_WORDS.has(p.word) || wordWeight(p.word, p.tag, vocabulary) < 0.5)
      if (split && filler) pieces.forEach((p) => push(p.word, p.tag))
      else push(word, split ? 'n' : tag)
    }
    return out
  }

  function analyzeQuery(query: string): QueryAnalysis {
    const normalized = normalizeText(query).trim()
    const terms = new Map<string, number>()
    const add = (term: string, weight: number) => {
      if (term && weight > (terms.get(term) ?? 0)) terms.set(term, weight)
    }
    const expansionWords = (key: string) =>
      [...(expansions.get(key) ?? [])].flatMap((s) => contentWords(segmenter.words(s)))

    const segments = weightedWords(normalized)
    const content = segments.filter((s) => isWordToken(s.word) && !STOP_WORDS.has(s.word))
    const words = content.map(({ word, weight }) => {
      const evidence = new Set<string>([word])
      add(word, weight * QUERY_WEIGHTS.word)
      if (isLatinWord(word)) {
        add(LATIN_PREFIX + word, weight * QUERY_WEIGHTS.subWord)
        evidence.add(LATIN_PREFIX + word)
        add(PINYIN_PREFIX + word, weight * QUERY_WEIGHTS.pinyinInput)
        evidence.add(PINYIN_PREFIX + word)
        if (word.length <= 6) {
          add(INITIALS_PREFIX + word, weight * QUERY_WEIGHTS.initialsInput)
          evidence.add(INITIALS_PREFIX + word)
        }
      }
      if (hasHan(word) && word.length >= 3) {
        for (const sub of contentWords(segmenter.searchWords(word))) {
          if (sub !== word) add(sub, weight * QUERY_WEIGHTS.subWord)
        }
      }
      const bigrams = hasHan(word) ? bigramsOf(word) : []
      for (const b of bigrams) add(b, weight * QUERY_WEIGHTS.bigram)
      if (hasHan(word) && word.length >= 2) {
        const homophone = PINYIN_PREFIX + pinyinKeys(word).full
        add(homophone, weight * QUERY_WEIGHTS.homophone)
        evidence.add(homophone)
      }
      const characters = hasHan(word) ? [...word].map((c) => CHAR_PREFIX + c) : []
      // A one-character word found among a title's characters is found as it is.
      if (characters.length === 1) evidence.add(characters[0]!)
      return { word, weight, evidence, bigrams, characters }
    })
    // Character bigrams across a boundary next to a single character: a fallback for domain words
    // the dictionary splits or does not know, weighted by the lighter of the two words they join.
    for (let i = 0; i + 1 < segments.length; i++) {
      const [a, b] = [segments[i]!, segments[i + 1]!]
      if (!hasHan(a.word) || !hasHan(b.word) || STOP_WORDS.has(a.word) || STOP_WORDS.has(b.word)) continue
      if (a.word.length > 1 && b.word.length > 1) continue
      for (const bigram of bigramsOf(a.word.slice(-1) + b.word[0]))
        add(bigram, Math.min(a.weight, b.weight) * QUERY_WEIGHTS.bigram)
    }
    // Engines that expand synonyms themselves (Typesense) are given these terms only.
    const literal = [...terms].sort((a, b) => b[1] - a[1]).map(([term]) => term)
    for (const w of words) {
      for (const s of expansionWords(w.word)) {
        add(s, w.weight * QUERY_WEIGHTS.synonym)
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

  /** Fallback tokens of a short text (title, similar question): its characters and Latin prefixes. */
  function gramTokens(text: string): string[] {
    const normalized = normalizeText(text)
    const tokens = (normalized.match(/\p{Script=Han}/gu) ?? [])
      .filter((c) => !STOP_WORDS.has(c))
      .map((c) => CHAR_PREFIX + c)
    for (const latin of normalized.match(/[a-z]{3,}/g) ?? [])
      for (let n = 2; n < latin.length; n++) tokens.push(LATIN_PREFIX + latin.slice(0, n))
    return tokens
  }

  /** Tokens of a query as a plain BM25 baseline would see them: jieba words only. */
  const baselineTokens = (query: string) => contentWords(segmenter.words(normalizeText(query)))

  return { indexTokens, textTokens, gramTokens, analyzeQuery, baselineTokens, normalize: normalizeText }
}

export type Analyzer = ReturnType<typeof createAnalyzer>
