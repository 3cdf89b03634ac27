/**
 * Phone numbers as units write them: landlines with area code (0571-87654321, 0000-7124230,
 * optional extension), mobiles (13912345678), and short service numbers (12345, 95598, 400/800).
 * Several numbers may be listed, separated by 、，,;；/ or spaces.
 */
const PATTERNS = [
  /^0\d{2,3}-?\d{7,8}(?:(?:-|转)\d{1,6})?$/, // landline
  /^1[3-9]\d{9}$/, // mobile
  /^(?:1\d{4}|9\d{4})$/, // five-digit service numbers: 12345, 12315, 95598 …
  /^[48]00-?\d{3}-?\d{4}$/, // 400/800 numbers
]

const SEPARATORS = /[、，,;；/\s]+/

export function splitPhones(value: string): string[] {
  return value
    .split(SEPARATORS)
    .map((p) => p.trim())
    .filter(Boolean)
}

export function isValidPhone(value: string): boolean {
  const phones = splitPhones(value)
  return phones.length > 0 && phones.every((p) => PATTERNS.some((re) => re.test(p)))
}

export const PHONE_FORMAT_MESSAGE =
  '电话号码格式不正确：请填写带区号的固定电话（如 0571-87654321）、11 位手机号或 12345 等服务号码，多个号码用顿号分隔'

/** A `tel:` link for one number: digits only, a landline's extension after a pause (…转123). */
export function telHref(phone: string): string {
  const digits = (s: string) => s.replace(/\D/g, '')
  const extension = /^(0\d{2,3}-?\d{7,8})(?:-|转)(\d{1,6})$/.exec(phone.trim())
  return extension ? `tel:${digits(extension[1])},${extension[2]}` : `tel:${digits(phone)}`
}
