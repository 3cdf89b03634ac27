/**
 * 受理建议准确率 on the admin reports page: the category suggested at intake against the category
 * confirmed when the order closed, and the suggested unit against the unit that handled the order,
 * for the last 6 months, per month and per category (src/services/intakeAccuracy.ts).
 */
import type { Payload } from 'payload'

import { percentText } from '../domain/workOrders/reportTables'
import { intakeAccuracy } from '../services/intakeAccuracy'

export async function IntakeAccuracySection({ payload }: { payload: Payload }) {
  const { categories, units } = await intakeAccuracy(payload, 6)
  const unitMonth = new Map(units.months.map((m) => [m.month, m]))
  const months = [...new Set([...categories.months.map((m) => m.month), ...unitMonth.keys()])].sort()
  return (
    <section data-report="intake-accuracy">
      <h3>受理建议准确率（近 6 个月）</h3>
      <p>
        分类建议：{categories.orders} 张已办结工单，首选建议与最终分类一致 {categories.correct} 张（
        {percentText(categories.accuracy)}）；承办单位建议：{units.orders} 张已派发工单，一致 {units.correct} 张（
        {percentText(units.accuracy)}）。
      </p>
      {months.length ? (
        <table className="table" style={{ width: '100%' }}>
          <thead>
            <tr>
              <th>月份</th>
              <th>分类建议（件）</th>
              <th>分类准确率</th>
              <th>单位建议（件）</th>
              <th>单位准确率</th>
            </tr>
          </thead>
          <tbody>
            {months.map((month) => {
              const c = categories.months.find((m) => m.month === month)
              const u = unitMonth.get(month)
              return (
                <tr key={month}>
                  <td>{month}</td>
                  <td>{c?.orders ?? 0}</td>
                  <td>{percentText(c?.accuracy ?? null)}</td>
                  <td>{u?.orders ?? 0}</td>
                  <td>{percentText(u?.accuracy ?? null)}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      ) : null}
      {categories.perCategory.length ? (
        <table className="table" style={{ width: '100%' }}>
          <thead>
            <tr>
              <th>最终分类</th>
              <th>工单</th>
              <th>建议正确</th>
              <th>召回率</th>
              <th>被建议次数</th>
              <th>精确率</th>
            </tr>
          </thead>
          <tbody>
            {categories.perCategory.map((c) => (
              <tr key={c.category}>
                <td>{c.path}</td>
                <td>{c.orders}</td>
                <td>{c.correct}</td>
                <td>{percentText(c.recall)}</td>
                <td>{c.suggested}</td>
                <td>{percentText(c.precision)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p>
        数据：<a href="/api/v1/reports/intake-accuracy?months=12">JSON（近 12 个月）</a>
      </p>
    </section>
  )
}
