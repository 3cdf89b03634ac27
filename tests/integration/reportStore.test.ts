/** Reports aggregated by SQLite give the figures of the pure report functions on the same orders. */
import type { Payload } from 'payload'

import { expectSameFigures, expectSameSuggestionOutcomes, storeFixture } from '../db-conformance/reportConformance'
import { startPayload } from '../helpers/payload'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
  await storeFixture(payload)
})
afterAll(async () => payload?.destroy())

it('SQLite GROUP BY agrees with the pure report functions', async () => {
  await expectSameFigures(payload)
})

it('SQLite groups intake suggestion outcomes by Shanghai month, confirmed category and unit match', async () => {
  await expectSameSuggestionOutcomes(payload)
})

it('writes the monthly 数据分析报告 and announces it to the hotline staff only', async () => {
  const { default: ExcelJS } = await import('exceljs')
  const { publishMonthlyReport } = await import('../../src/services/monthlyReport')
  const dispatcher = await payload.create({
    collection: 'users',
    data: { email: 'monthly-dispatcher@test.example', password: 'Secret-123', name: '派单', roles: ['dispatcher'] },
  })
  const unit = (await payload.find({ collection: 'units', where: { code: { equals: 'RA' } } })).docs[0]
  const handler = await payload.create({
    collection: 'users',
    data: {
      email: 'monthly-handler@test.example',
      password: 'Secret-123',
      name: '承办',
      roles: ['unit-handler'],
      unit: unit.id,
    },
  })
  const result = await publishMonthlyReport(payload, '2026-11', new Date('2026-12-01T08:30:00+08:00'))
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(result.file)
  expect(book.worksheets.map((s) => s.name)).toEqual(
    expect.arrayContaining([
      '说明',
      '指标',
      '按诉求类型',
      '按来源渠道',
      '按区域',
      '按诉求分类',
      '单位排名',
      '热点地址',
      '每日受理量',
      '知识缺口',
    ]),
  )
  const figures = book.getWorksheet('指标')!
  expect(figures.getRow(1).values).toEqual([undefined, '指标', '数值'])
  expect(figures.getRow(2).values).toEqual([undefined, '受理总量', 9])
  const onTime = figures.getRow(8)
  expect(onTime.getCell(1).value).toBe('按时办结率')
  expect(onTime.getCell(2).value).toBe(0.5)
  expect(onTime.getCell(2).numFmt).toBe('0.0%')
  expect(book.getWorksheet('单位排名')!.getRow(2).getCell(2).value).toBe('甲')

  const notices = async (id: number | string) =>
    (await payload.find({ collection: 'notifications', where: { recipient: { equals: id } } })).docs
  expect(await notices(dispatcher.id)).toEqual([
    expect.objectContaining({ kind: 'report', message: '下载：/api/v1/reports/monthly/2026-11' }),
  ])
  expect(await notices(handler.id)).toEqual([])
  // Once per month, however often the job runs.
  await publishMonthlyReport(payload, '2026-11', new Date('2026-12-01T09:30:00+08:00'))
  expect(await notices(dispatcher.id)).toHaveLength(1)
})
