import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import type React from 'react'

import { bodyBeyondFields, SHOWN_LABELS } from '../../../../domain/knowledge/entryBody'
import { ENTRY_TYPES } from '../../../../domain/knowledge/entryTypes'
import { labelOf } from '../../../../domain/labels'
import { splitPhones, telHref } from '../../../../domain/phone'
import { shanghaiDateString } from '../../../../domain/shanghaiTime'
import { ServiceError } from '../../../../services/errors'
import { entryData, noteEntryOpenedFromSearch } from '../../siteData'

export const dynamic = 'force-dynamic'

type Params = { params: Promise<{ code: string }>; searchParams: Promise<{ feedback?: string; q?: string }> }
type Entry = Awaited<ReturnType<typeof entryData>> & Record<string, unknown>

/** Expired and internal entries are answered before Next (410 / 404) by the Express app. */
async function load(code: string): Promise<Entry> {
  try {
    return (await entryData(code)) as Entry
  } catch (err) {
    if (err instanceof ServiceError) notFound()
    throw err
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { code } = await params
  const entry = await load(code)
  return {
    title: entry.title,
    description: (entry.summary ?? entry.body ?? '').slice(0, 120),
    alternates: { canonical: `/entries/${entry.code}` },
  }
}

const day = (v: unknown) => (typeof v === 'string' && v ? shanghaiDateString(new Date(v)) : undefined)
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined)
const list = (v: unknown) => (Array.isArray(v) ? (v as string[]).filter(Boolean) : [])

function Part({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="part">
      <h2>{title}</h2>
      {children}
    </section>
  )
}

/** Each number a link that dials it on a phone. */
function Phones({ value }: { value: string }) {
  const phones = splitPhones(value)
  return (
    <>
      {phones.map((p, i) => (
        <span key={p}>
          {i > 0 && '、'}
          <a href={telHref(p)}>{p}</a>
        </span>
      ))}
    </>
  )
}

function Guide({ g }: { g: Record<string, unknown> }) {
  const locations = (Array.isArray(g.locations) ? g.locations : []) as Record<string, string>[]
  return (
    <>
      {text(g.basis) && <Part title="设定依据">{text(g.basis)}</Part>}
      {text(g.conditions) && <Part title="办理条件">{text(g.conditions)}</Part>}
      {list(g.materials).length > 0 && (
        <Part title="申请材料">
          <ul className="checklist">
            {list(g.materials).map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </Part>
      )}
      {list(g.steps).length > 0 && (
        <Part title="办理流程">
          <ol>
            {list(g.steps).map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
        </Part>
      )}
      {text(g.timeLimit) && <Part title="办理时限">{text(g.timeLimit)}</Part>}
      {text(g.fee) && <Part title="收费标准">{text(g.fee)}</Part>}
      {text(g.phone) && (
        <Part title="咨询电话">
          <Phones value={text(g.phone)!} />
        </Part>
      )}
      {text(g.online) && <Part title="网上办理">{text(g.online)}</Part>}
      {locations.length > 0 && (
        <Part title="办事地点">
          <ul>
            {locations.map((l) => (
              <li key={l.code}>
                <a href={`/entries/${l.code}`}>{l.title}</a>
                {l.address ? `：${l.address}` : ''}
                {l.hours ? `（${l.hours}）` : ''}
              </li>
            ))}
          </ul>
        </Part>
      )}
    </>
  )
}

export default async function EntryPage({ params, searchParams }: Params) {
  const { code } = await params
  const { feedback, q } = await searchParams
  const entry = await load(code)
  noteEntryOpenedFromSearch(q)
  const g = (entry[entry.type] ?? {}) as Record<string, unknown>
  const source = (entry.source ?? {}) as Record<string, string | null>
  const details = bodyBeyondFields(entry.body ?? '', { summary: entry.summary, labels: SHOWN_LABELS[entry.type] ?? [] })
  return (
    <article>
      <p className="meta">
        <span className="badge">{labelOf(ENTRY_TYPES, entry.type)}</span>
        {entry.unit} · {entry.category}
      </p>
      <h1>{entry.title}</h1>
      {entry.summary && <p>{entry.summary}</p>}
      {entry.type === 'guide' && <Guide g={g} />}
      {entry.type === 'location' && (
        <>
          {text(g.address) && <Part title="地址">{text(g.address)}</Part>}
          {text(g.hours) && <Part title="办公时间">{text(g.hours)}</Part>}
          {text(g.phone) && (
            <Part title="联系电话">
              <Phones value={text(g.phone)!} />
            </Part>
          )}
          {text(g.transit) && <Part title="交通指引">{text(g.transit)}</Part>}
        </>
      )}
      {entry.type === 'policy' && (
        <Part title="政策信息">
          <dl>
            {source.documentNumber && (
              <>
                <dt>文号</dt>
                <dd>{source.documentNumber}</dd>
              </>
            )}
            {source.issuingBody && (
              <>
                <dt>发文机关</dt>
                <dd>{source.issuingBody}</dd>
              </>
            )}
            {day(g.effectiveDate) && (
              <>
                <dt>施行日期</dt>
                <dd>{day(g.effectiveDate)}</dd>
              </>
            )}
            {day(entry.validUntil) && (
              <>
                <dt>有效期至</dt>
                <dd>{day(entry.validUntil)}</dd>
              </>
            )}
          </dl>
          {list(g.keyPoints).length > 0 && (
            <ol>
              {list(g.keyPoints).map((k) => (
                <li key={k}>{k}</li>
              ))}
            </ol>
          )}
        </Part>
      )}
      {entry.type === 'faq' && text(g.answer) && <Part title="答复">{text(g.answer)}</Part>}
      {entry.type === 'notice' && (day(g.eventStart) || day(g.eventEnd)) && (
        <Part title="时间">
          {day(g.eventStart)} 至 {day(g.eventEnd)}
        </Part>
      )}
      {details.length > 0 && (
        <Part title="详细说明">
          {details.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </Part>
      )}
      {entry.relatedEntries.length > 0 && (
        <Part title="相关信息">
          <ul>
            {entry.relatedEntries.map((r) => (
              <li key={r.code}>
                <a href={`/entries/${r.code}`}>{r.title}</a>
              </li>
            ))}
          </ul>
        </Part>
      )}
      <p className="meta">
        {entry.reviewedAt ? `最近核实：${day(entry.reviewedAt)}` : `更新于 ${day(entry.updatedAt)}`} · 知识编号{' '}
        {entry.code}
      </p>
      <form className="feedback" method="post" action={`/api/v1/public/entries/${entry.code}/feedback`}>
        {feedback === 'thanks' ? (
          <p role="status">感谢您的反馈！</p>
        ) : (
          <>
            <span>这条信息有帮助吗？</span>
            <button type="submit" name="helpful" value="yes">
              有帮助
            </button>
            <button type="submit" name="helpful" value="no">
              没帮助
            </button>
          </>
        )}
      </form>
    </article>
  )
}
