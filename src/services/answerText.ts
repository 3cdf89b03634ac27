/** A short answer an agent can read out, built from an entry's structured fields. */
type Fields = Record<string, unknown>

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined)
const list = (v: unknown): string[] =>
  Array.isArray(v)
    ? v
        .map((i) => (typeof i === 'string' ? i : text((i as { text?: unknown })?.text)))
        .filter((s): s is string => Boolean(s))
    : []
const numbered = (items: string[]) => items.map((s, i) => `${i + 1}. ${s}`).join('；')

export type AnswerSource = {
  code?: string | null
  type: string
  title: string
  summary?: string | null
  body?: string
} & Fields

export function composeAnswer(entry: AnswerSource): string {
  const g = (entry[entry.type] ?? {}) as Fields
  const lead = entry.summary?.trim() || entry.title
  const lines: string[] = [lead]
  // A field that only repeats the lead (an FAQ's answer is often its summary) is read out once.
  const said = new Set([lead])
  const add = (label: string, value: string | undefined) => {
    if (!value || said.has(value) || lead.includes(value)) return
    said.add(value)
    lines.push(`${label}：${value}`)
  }
  switch (entry.type) {
    case 'guide': {
      add('办理条件', text(g.conditions))
      const materials = list(g.materials)
      if (materials.length) add('所需材料', materials.join('；'))
      const steps = list(g.steps)
      if (steps.length) add('办理流程', numbered(steps))
      add('办理时限', text(g.timeLimit))
      add('收费标准', text(g.fee))
      add('咨询电话', text(g.phone))
      add('网上办理', text(g.online))
      const places = (Array.isArray(g.locations) ? (g.locations as Fields[]) : [])
        .map((l) => [text(l.title), text(l.address)].filter(Boolean).join(' '))
        .filter(Boolean)
      if (places.length) add('办理地点', places.join('；'))
      break
    }
    case 'location':
      add('地址', text(g.address))
      add('办公时间', text(g.hours))
      add('电话', text(g.phone))
      add('交通', text(g.transit))
      break
    case 'policy': {
      const points = list(g.keyPoints)
      if (points.length) add('政策要点', numbered(points))
      break
    }
    case 'faq':
      add('答复', text(g.answer))
      break
    case 'notice':
      add('时间', [text(g.eventStart), text(g.eventEnd)].filter(Boolean).join(' 至 ') || undefined)
      break
    default:
      if (entry.body) add('口径', entry.body.slice(0, 500))
  }
  return lines.join('\n')
}
