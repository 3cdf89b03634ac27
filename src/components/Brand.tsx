/** The admin's own graphics (login page and navigation): the hotline's name, not Payload's logo. */
const mark = (size: number) => (
  <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
    <rect width="32" height="32" rx="6" fill="#b91c1c" />
    <text x="16" y="21" fontSize="11" fontWeight="700" textAnchor="middle" fill="#fff">
      12345
    </text>
  </svg>
)

export function Logo() {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 12, fontSize: 22, fontWeight: 600 }}>
      {mark(40)}
      江临 12345 热线知识库
    </span>
  )
}

export function Icon() {
  return mark(28)
}
