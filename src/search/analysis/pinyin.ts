/** Pinyin keys of Chinese words, so that pinyin input and homophone typos still match. */
import { pinyin } from 'pinyin-pro'

export const PINYIN_PREFIX = 'py:'
export const INITIALS_PREFIX = 'pi:'

// Words repeat across entries, and pinyin conversion is the costliest step of indexing.
const cache = new Map<string, { full: string; initials: string }>()
const CACHE_LIMIT = 200_000

export function pinyinKeys(word: string): { full: string; initials: string } {
  let keys = cache.get(word)
  if (!keys) {
    const syllables = pinyin(word, { toneType: 'none', type: 'array', nonZh: 'removed', v: true }) as string[]
    keys = { full: syllables.join(''), initials: syllables.map((s) => s[0]).join('') }
    if (cache.size >= CACHE_LIMIT) cache.clear()
    cache.set(word, keys)
  }
  return keys
}
