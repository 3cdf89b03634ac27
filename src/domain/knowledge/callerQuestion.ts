/**
 * A caller's question as a candidate similar question (相似问) of the entry that answered it: with
 * personal data masked before anything is stored — digits (phones, ID and house numbers, amounts),
 * names, addresses and e-mail addresses — so that only the phrasing is learned.
 */

const MASK = '*'
/** 住在/家在/地址是 … up to the next punctuation or 的. */
const ADDRESS_AFTER_CUE = /(住在|家住|家在|地址是|地址在|位于)[^，。,.？?！!；;的\s]{2,20}/gu
/** Place names ending in a residential or street word: 阳光小区, 建设路, 人民大街. */
const PLACE =
  /[\p{Script=Han}*]{1,8}(小区|花园|家园|公寓|大厦|新村|路|大街|街道|巷|弄)(?=[*\s，。,？?的里号栋单元室]|$)/gu
/** 我叫张三, 我是李四, 姓名王五, 名字叫 …, up to punctuation or the next thing said (电话, 住在 …). */
const NAME_AFTER_CUE =
  /(我叫|我是|本人|姓名是?|名字叫|名字是|联系人)(\p{Script=Han}{2,3})(?=[，。,？?\s*]|$|我|的|电话|手机|身份证|住|家)/gu
/** 王先生, 李阿姨, 张师傅 */
const NAME_WITH_TITLE = /\p{Script=Han}(先生|女士|小姐|阿姨|大爷|大妈|师傅|老师)/gu
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g
/** Digits, including full-width ones and runs of Chinese numerals long enough to be a number said aloud. */
const DIGITS = /[0-9０-９]+|[零〇一二三四五六七八九幺]{4,}/g
/** 我是 + a word such as 外地人 is no name. */
const NOT_NAMES = new Set(['外地人', '本地人', '退休', '学生', '老人', '残疾人', '个体户', '党员'])

export function maskCallerQuestion(text: string): string {
  return text
    .replace(EMAIL, MASK)
    .replace(DIGITS, MASK)
    .replace(ADDRESS_AFTER_CUE, (_, cue: string) => `${cue}${MASK}`)
    .replace(PLACE, (_, kind: string) => `${MASK}${kind}`)
    .replace(NAME_AFTER_CUE, (whole, cue: string, name: string) => (NOT_NAMES.has(name) ? whole : `${cue}${MASK}`))
    .replace(NAME_WITH_TITLE, (_, title: string) => `${MASK}${title}`)
    .replace(/\*+/g, MASK)
    .replace(/\s+/g, ' ')
    .trim()
}

/** A question worth learning: some words left once masked, and not too long to be a phrasing. */
export const MAX_CANDIDATE_LENGTH = 120
export const isLearnable = (masked: string): boolean =>
  masked.length <= MAX_CANDIDATE_LENGTH && (masked.match(/\p{Script=Han}/gu)?.length ?? 0) >= 4
