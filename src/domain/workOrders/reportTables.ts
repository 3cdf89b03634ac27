/**
 * Report figures as tables with Chinese headers, for the CSV and XLSX exports and the monthly
 * report: rates stay numbers in [0, 1] marked `percent`, so a spreadsheet shows 66.7 % and can still
 * compute with them; CSV prints them as `66.7%`.
 */
import { type Breakdown, type Dimension, DIMENSIONS, type Summary, type UnitRow } from './reports'

export type ColumnKind = 'text' | 'number' | 'percent'
export type Column = { key: string; header: string; kind: ColumnKind; width?: number }
export type Table = { name: string; columns: Column[]; rows: Record<string, string | number | null>[] }

export const percentText = (v: number | null | undefined) => (v == null ? '—' : `${Math.round(v * 1000) / 10}%`)

const FIGURES: { key: keyof Summary; label: string; kind: ColumnKind }[] = [
  { key: 'volume', label: '受理总量', kind: 'number' },
  { key: 'directAnswerRate', label: '直接答复率', kind: 'percent' },
  { key: 'firstContactRate', label: '一次办结率（直接答复/咨询）', kind: 'percent' },
  { key: 'notAccepted', label: '不予受理', kind: 'number' },
  { key: 'dispatchCount', label: '派单量', kind: 'number' },
  { key: 'dueCount', label: '应办结件数（已到期或已答复）', kind: 'number' },
  { key: 'onTimeRate', label: '按时办结率', kind: 'percent' },
  { key: 'overdue', label: '超期件数', kind: 'number' },
  { key: 'solvedRate', label: '解决率', kind: 'percent' },
  { key: 'returnRate', label: '退回率', kind: 'percent' },
  { key: 'extensionRate', label: '延期率', kind: 'percent' },
  { key: 'callbackRate', label: '回访率', kind: 'percent' },
  { key: 'satisfactionRate', label: '满意率（含直接答复评价）', kind: 'percent' },
  { key: 'handledSatisfactionRate', label: '承办满意率', kind: 'percent' },
  { key: 'answerSatisfactionRate', label: '直接答复满意率', kind: 'percent' },
  { key: 'reopenRate', label: '重办率', kind: 'percent' },
  { key: 'averageHandlingDays', label: '平均办理时长（工作日）', kind: 'number' },
  { key: 'supervision', label: '督办件数', kind: 'number' },
]

/** The headline figures, name and value, as the admin view and the exports show them. */
export const figureRows = (s: Summary) =>
  FIGURES.map((f) => ({ label: f.label, kind: f.kind, value: s[f.key] as number | null }))

const BREAKDOWN_COLUMNS: Column[] = [
  { key: 'name', header: '名称', kind: 'text', width: 24 },
  { key: 'volume', header: '受理量', kind: 'number' },
  { key: 'directAnswerRate', header: '直接答复率', kind: 'percent' },
  { key: 'dispatchCount', header: '派单量', kind: 'number' },
  { key: 'onTimeRate', header: '按时办结率', kind: 'percent' },
  { key: 'overdue', header: '超期件数', kind: 'number' },
  { key: 'solvedRate', header: '解决率', kind: 'percent' },
  { key: 'satisfactionRate', header: '满意率', kind: 'percent' },
]

export const RANKING_COLUMNS: Column[] = [
  { key: 'rank', header: '排名', kind: 'number', width: 8 },
  { key: 'unit', header: '承办单位', kind: 'text', width: 28 },
  { key: 'orders', header: '派单量', kind: 'number' },
  { key: 'onTimeRate', header: '按时办结率', kind: 'percent' },
  { key: 'satisfactionRate', header: '满意率', kind: 'percent' },
  { key: 'solvedRate', header: '解决率', kind: 'percent' },
  { key: 'overdue', header: '超期件数', kind: 'number' },
  { key: 'returns', header: '退回件数', kind: 'number' },
  { key: 'averageHandlingDays', header: '平均办理时长（工作日）', kind: 'number' },
]

const breakdownTable = (dimension: Dimension, rows: Breakdown[]): Table => ({
  name: `按${DIMENSIONS.find((d) => d.key === dimension)!.label}`,
  columns: BREAKDOWN_COLUMNS,
  rows,
})

export function summaryTables(summary: Summary, ranking: readonly UnitRow[]): Table[] {
  return [
    {
      name: '指标',
      columns: [
        { key: 'label', header: '指标', kind: 'text', width: 32 },
        { key: 'value', header: '数值', kind: 'number' },
      ],
      // A rate in a number column: the exporters format cells by the row's own kind.
      rows: figureRows(summary).map((f) => ({ label: f.label, value: f.value, kind: f.kind })),
    },
    ...DIMENSIONS.map((d) => breakdownTable(d.key, summary.breakdowns[d.key])),
    { name: '单位排名', columns: RANKING_COLUMNS, rows: ranking.map((u, i) => ({ rank: i + 1, ...u })) },
    {
      name: '热点地址',
      columns: [
        { key: 'name', header: '地址', kind: 'text', width: 32 },
        { key: 'count', header: '件数', kind: 'number' },
      ],
      rows: summary.topAddresses,
    },
  ]
}

export const trendTable = (
  rows: { period: string; volume: number; answered: number; dispatched: number }[],
): Table => ({
  name: '趋势',
  columns: [
    { key: 'period', header: '时段', kind: 'text', width: 14 },
    { key: 'volume', header: '受理量', kind: 'number' },
    { key: 'answered', header: '直接答复量', kind: 'number' },
    { key: 'dispatched', header: '派单量', kind: 'number' },
  ],
  rows,
})

/** A cell's kind: a row may override its column's (the 指标 table mixes counts and rates). */
export const cellKind = (column: Column, row: Record<string, unknown>): ColumnKind =>
  column.key === 'value' && typeof row.kind === 'string' ? (row.kind as ColumnKind) : column.kind
