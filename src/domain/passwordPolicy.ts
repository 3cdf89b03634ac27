/**
 * The password policy (等保 identification and authentication): at least 10 characters, not one of
 * the passwords attackers try first, not built from the account's own name or e-mail, and not a run
 * of one character or a keyboard or alphabet sequence.
 */
export const MIN_PASSWORD_LENGTH = 10
export const MAX_PASSWORD_LENGTH = 128

/** Frequent passwords of leaked lists (Chinese and international) that reach 10 characters. */
const COMMON = new Set(
  [
    '1234567890',
    '0123456789',
    '12345678910',
    '123456789a',
    'a123456789',
    '1234567890a',
    'abcd123456',
    'abc1234567',
    'qwertyuiop',
    'qwerty1234',
    'qwerty123456',
    '1q2w3e4r5t',
    '1qaz2wsx3edc',
    'qazwsxedc123',
    'zaq12wsxcde3',
    'password12',
    'password123',
    'password1234',
    'passw0rd123',
    'p@ssw0rd123',
    'p@ssword123',
    'administrator',
    'admin12345',
    'admin123456',
    'admin@1234',
    'admin@12345',
    'admin@123456',
    'root123456',
    'iloveyou12',
    'woaini1314',
    'woaini5201314',
    '5201314520',
    '1314520520',
    'aa123456789',
    'aa12345678',
    'asdfghjkl1',
    'asdfghjkl;',
    'zxcvbnm123',
    'welcome123',
    'changeme123',
    'letmein123',
    'football12',
    'sunshine12',
    'princess12',
    'dragon1234',
    'monkey1234',
    'abc@123456',
    'abcd@12345',
    'test123456',
    'test@12345',
    'demo123456',
    'p@ssw0rd!!',
    'qwer1234!!',
    'a1b2c3d4e5',
    '12qwaszx12',
    'huawei12345',
    'hotline12345',
    '12345hotline',
  ].map((p) => p.toLowerCase()),
)

const SEQUENCES = [
  '01234567890',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  '1qaz2wsx3edc4rfv',
]

/** Whether the text is one character repeated or a stretch (forwards or backwards) of a known sequence. */
function isTrivial(text: string): boolean {
  if (new Set(text).size <= 2) return true
  const reversed = [...text].reverse().join('')
  return SEQUENCES.some((s) => s.includes(text) || s.includes(reversed))
}

/** Why a password is refused, in Chinese for the user, or undefined when it complies. */
export function passwordProblem(password: string, account: { email?: string | null; name?: string | null } = {}) {
  if (password.length < MIN_PASSWORD_LENGTH) return `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`
  if (password.length > MAX_PASSWORD_LENGTH) return `密码最多 ${MAX_PASSWORD_LENGTH} 个字符`
  const folded = password.toLowerCase()
  if (COMMON.has(folded) || isTrivial(folded)) return '密码过于常见或简单，请换一个不易猜到的密码'
  // The letters-and-digits core of the password: "Admin@2026!" → "admin2026".
  const core = folded.replace(/[^a-z0-9\u4e00-\u9fff]/g, '')
  if (core.length >= 4 && (COMMON.has(core) || isTrivial(core))) return '密码过于常见或简单，请换一个不易猜到的密码'
  const local = account.email?.split('@')[0]?.toLowerCase()
  if (local && local.length >= 4 && folded.includes(local)) return '密码不能包含账号（邮箱）名'
  const name = account.name?.trim().toLowerCase()
  if (name && name.length >= 2 && folded.includes(name)) return '密码不能包含本人姓名'
  return undefined
}
