import type { Metadata } from 'next'

import type { PublicProgress } from '../../../domain/workOrders/publicProgress'
import { ServiceError } from '../../../services/errors'
import { progressQuery } from '../../../services/workOrderProgress'
import { progressData } from '../siteData'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: '工单办理进度查询', robots: { index: false } }

type Params = { searchParams: Promise<{ number?: string; phoneLast4?: string }> }

/** A plain GET form, so it works without JavaScript; the Express app limits look-ups per client before this page. */
export default async function ProgressPage({ searchParams }: Params) {
  const p = await searchParams
  const asked = p.number !== undefined || p.phoneLast4 !== undefined
  let result: PublicProgress | undefined
  let problem: string | undefined
  if (asked) {
    const parsed = progressQuery.safeParse({ number: p.number ?? '', phoneLast4: p.phoneLast4 ?? '' })
    if (!parsed.success) problem = parsed.error.issues.map((i) => i.message).join('；')
    else {
      try {
        result = await progressData(parsed.data.number, parsed.data.phoneLast4)
      } catch (err) {
        if (!(err instanceof ServiceError)) throw err
        problem = err.message
      }
    }
  }
  return (
    <>
      <h1>工单办理进度查询</h1>
      <p className="meta">输入工单编号和登记电话的后四位，查看办理状态、承办单位、办理期限和答复。</p>
      <form className="progress" method="get" action="/progress" autoComplete="off">
        <label>
          工单编号
          <input
            name="number"
            defaultValue={p.number ?? ''}
            placeholder="如 GD20261125000123"
            maxLength={16}
            required
          />
        </label>
        <label>
          登记电话后四位
          <input name="phoneLast4" inputMode="numeric" pattern="[0-9]{4}" maxLength={4} required title="4 位数字" />
        </label>
        <button type="submit">查询</button>
      </form>
      {problem && (
        <p className="empty" role="alert">
          {problem}
        </p>
      )}
      {result && <Result r={result} />}
    </>
  )
}

function Result({ r }: { r: PublicProgress }) {
  return (
    <section className="part" aria-labelledby="progress-result">
      <h2 id="progress-result">工单 {r.number}</h2>
      <dl className="progress-result">
        <dt>办理状态</dt>
        <dd>{r.stage}</dd>
        {r.confidential ? (
          <>
            <dt>说明</dt>
            <dd>您要求对诉求保密，网上只显示办理状态；详情请拨打 12345 查询。</dd>
          </>
        ) : (
          <>
            <dt>诉求类型</dt>
            <dd>{r.type}</dd>
            <dt>受理时间</dt>
            <dd>{r.receivedAt}</dd>
            {r.unit && (
              <>
                <dt>承办单位</dt>
                <dd>{r.unit}</dd>
              </>
            )}
            {r.deadline && (
              <>
                <dt>办理期限</dt>
                <dd>{r.deadline}</dd>
              </>
            )}
            {r.reply && (
              <>
                <dt>答复内容</dt>
                <dd>{r.reply}</dd>
              </>
            )}
          </>
        )}
      </dl>
    </section>
  )
}
