/** Knowledge codes: stable, human-readable ids such as KB-0001 that agents read out and cite. */
const PREFIX = 'KB-'
const CODE = /^KB-(\d{4,})$/

export const ENTRY_CODE_FORMAT_MESSAGE = '知识编号格式应为 KB- 加至少 4 位数字，例如 KB-0001'

export const isEntryCode = (code: string): boolean => CODE.test(code)

export const formatEntryCode = (n: number): string => `${PREFIX}${String(n).padStart(4, '0')}`

/** The code after the highest of the given ones (codes in other formats are ignored). */
export function nextEntryCode(existing: Iterable<string>): string {
  let max = 0
  for (const code of existing) {
    const m = CODE.exec(code)
    if (m) max = Math.max(max, Number(m[1]))
  }
  return formatEntryCode(max + 1)
}
