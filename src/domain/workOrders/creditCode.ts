/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from 31 (digits and capitals without I, O, Z, S, V);
 * the last is a check character, weights 3^i mod 31 over the first 17.
 */
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export function creditCodeCheckChar(first17: string): string | undefined {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = CHARS.indexOf(first17[i])
    if (v < 0) return undefined
    sum += v * WEIGHTS[i]
  }
  return CHARS[(31 - (sum % 31)) % 31]
}

export function isCreditCode(code: string): boolean {
  const value = code.trim().toUpperCase()
  return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value) && creditCodeCheckChar(value.slice(0, 17)) === value[17]
}
