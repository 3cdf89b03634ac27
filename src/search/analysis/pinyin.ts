/** Pinyin keys of Chinese words, so that pinyin input and homophone typos still match. */
import { pinyin } from 'pinyin-pro'

export const PINYIN_PREFIX = 'py:'
export const INITIALS_PREFIX = 'pi:'

export function pinyinKeys(word: string): { full: string; initials: string } {
  const syllables = pinyin(word, { toneType: 'none', type: 'array', nonZh: 'removed', v: true }) as string[]
  return { full: syllables.join(''), initials: syllables.map((s) => s[0]).join('') }
}
