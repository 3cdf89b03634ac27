/** The operators' command line: `npm run kb -- <command>`. */
import path from 'node:path'

import { SingleBar } from 'cli-progress'
import { Command } from 'commander'
import type { Payload } from 'payload'

import { env } from '../config/env'
import { now } from '../domain/clock'
import { MONTH_PATTERN, previousMonth } from '../domain/workOrders/reportMonth'
import { importEntries, type ImportReport } from '../import/importEntries'
import { readRecords } from '../import/readRecords'
import { runKnowledgeMaintenance } from '../jobs/knowledgeMaintenance'
import { rebuildIndex } from '../jobs/syncIndex'
import { reloadSearchSettings } from '../jobs/syncSearchSettings'
import { runOrderDeadlines } from '../jobs/workOrderDeadlines'
import { searchEngine } from '../search/searchEngine'
import { seedDemo } from '../seed/seedDemo'
import { bootPayload } from '../server/bootPayload'
import { publishMonthlyReport } from '../services/monthlyReport'

function printReport(report: ImportReport, file: string): void {
  for (const e of report.errors) console.error(`第 ${e.line} 行${e.code ? `（${e.code}）` : ''}：${e.message}`)
  for (const w of report.warnings) console.warn(`第 ${w.line} 行${w.code ? `（${w.code}）` : ''}：${w.message}`)
  console.log(
    `导入完成 ${path.basename(file)}：新建 ${report.created} 条，更新 ${report.updated} 条，失败 ${report.failed} 条，提示 ${report.warnings.length} 条`,
  )
}

/** Runs a command with a booted Payload and always releases it, also when the command fails. */
const withPayload =
  <A extends unknown[]>(command: (payload: Payload, ...args: A) => Promise<void>) =>
  async (...args: A) => {
    const payload = await bootPayload()
    try {
      await command(payload, ...args)
    } finally {
      await payload.destroy()
    }
  }

const program = new Command('kb').description('12345 热线知识库运维命令')

program
  .command('import')
  .description('从 JSON Lines、JSON、CSV 或 XLSX 文件导入知识条目（按知识编号更新或新建）')
  .argument('<file>', '导入文件')
  .option('--create-missing', '自动创建不存在的承办单位和知识库目录')
  .option('--publish', '直接发布导入的条目（已过有效期的条目仍为草稿）')
  .action(
    withPayload(async (payload: Payload, file: string, opts: { createMissing?: boolean; publish?: boolean }) => {
      const records = await readRecords(file)
      const bar = process.stdout.isTTY
        ? new SingleBar({ format: '导入中 [{bar}] {value}/{total}', hideCursor: true })
        : undefined
      bar?.start(records.length, 0)
      const report = await importEntries(payload, records, {
        ...opts,
        onProgress: (done) => bar?.update(done),
      })
      bar?.stop()
      printReport(report, file)
      process.exitCode = report.failed > 0 ? 1 : 0
    }),
  )

program
  .command('seed')
  .description('将内置数据库重置为演示数据（生产环境禁止）')
  .action(
    withPayload(async (payload: Payload) => {
      const summary = await seedDemo(payload, { reset: true })
      console.log(`演示数据已写入：${summary}`)
    }),
  )

program
  .command('reindex')
  .description('从数据库重建搜索索引')
  .action(
    withPayload(async (payload: Payload) => {
      const bar = process.stdout.isTTY
        ? new SingleBar({ format: '重建索引 [{bar}] {value}/{total}', hideCursor: true })
        : undefined
      bar?.start(0, 0)
      await reloadSearchSettings(payload)
      const count = await rebuildIndex(payload, (done, total) => {
        bar?.setTotal(total)
        bar?.update(done)
      })
      bar?.stop()
      const health = await searchEngine().health()
      console.log(`索引重建完成：${count} 条已发布条目（引擎 ${health.engine}，索引内 ${health.documents} 条）`)
    }),
  )

const apikey = program.command('apikey').description('管理坐席工具和 MCP 使用的 API 密钥')

apikey
  .command('create')
  .description('创建 API 密钥（密钥只显示这一次）')
  .requiredOption('--name <name>', '名称，如“坐席助手”')
  .option('--scope <scope...>', '权限范围：public、agent、work-orders', ['agent'])
  .option('--rate <n>', '每分钟请求上限', '600')
  .action(
    withPayload(async (payload: Payload, opts: { name: string; scope: string[]; rate: string }) => {
      const created = await payload.create({
        collection: 'api-keys',
        data: { name: opts.name, scopes: opts.scope as never, rateLimitPerMinute: Number(opts.rate) },
        overrideAccess: true,
      })
      console.log(
        `已创建 API 密钥“${created.name}”（${created.scopes?.join('、')}）：\n${(created as { key?: string }).key}\n请妥善保存，密钥不会再次显示。`,
      )
    }),
  )

apikey
  .command('list')
  .description('列出 API 密钥')
  .action(
    withPayload(async (payload: Payload) => {
      const { docs } = await payload.find({ collection: 'api-keys', pagination: false, overrideAccess: true })
      for (const k of docs) {
        console.log(
          `${k.prefix}…  ${k.name}  ${k.scopes?.join(',')}  ${k.revokedAt ? `已吊销 ${k.revokedAt}` : '有效'}  最近使用 ${k.lastUsedAt ?? '从未'}`,
        )
      }
    }),
  )

apikey
  .command('revoke')
  .description('吊销 API 密钥')
  .requiredOption('--name <name>', '密钥名称')
  .action(
    withPayload(async (payload: Payload, opts: { name: string }) => {
      const { docs } = await payload.update({
        collection: 'api-keys',
        where: { name: { equals: opts.name } },
        data: { revokedAt: now().toISOString() },
        overrideAccess: true,
      })
      if (docs.length === 0) throw new Error(`没有名为“${opts.name}”的 API 密钥`)
      console.log(`已吊销 API 密钥“${opts.name}”`)
    }),
  )

program
  .command('jobs')
  .description(
    '立即运行后台任务：expiry（知识到期、复核提醒与督办巡检）、deadlines（工单时限与督办巡检）、monthly-report（上月数据分析报告）',
  )
  .argument('<job>', '任务名：expiry、deadlines 或 monthly-report')
  .option('--month <YYYY-MM>', 'monthly-report 的月份（默认上月）')
  .action(
    withPayload(async (payload: Payload, job: string, opts: { month?: string }) => {
      if (job === 'monthly-report') {
        const month = opts.month ?? previousMonth(now())
        if (!MONTH_PATTERN.test(month)) throw new Error(`月份格式应为 YYYY-MM：${month}`)
        const r = await publishMonthlyReport(payload, month, now())
        console.log(
          `${month} 数据分析报告已生成：${r.file}（${r.bytes} 字节），通知 ${r.notified} 人，发送邮件 ${r.emails} 封`,
        )
        return
      }
      if (job === 'deadlines') {
        const d = await runOrderDeadlines(payload)
        console.log(
          `工单巡检完成（${now().toISOString()}）：今日到期 ${d.dueToday.length} 件，已超期 ${d.overdue.length} 件${d.overdue.length ? `（${d.overdue.join('、')}）` : ''}，新开督办 ${d.supervisionOpened.length} 项${d.supervisionOpened.length ? `（${d.supervisionOpened.join('、')}）` : ''}，期限待核对未督办 ${d.guessed.length} 件${d.guessed.length ? `（${d.guessed.join('、')}）` : ''}${d.calendarMissing ? `，工作日历缺少 ${d.calendarMissing} 年调休安排（已提醒管理员）` : ''}，发送邮件 ${d.emails} 封`,
        )
        return
      }
      if (job !== 'expiry') throw new Error(`未知的任务：${job}（可用：expiry、deadlines、monthly-report）`)
      const r = await runKnowledgeMaintenance(payload)
      console.log(
        `巡检完成（${now().toISOString()}）：过期下线 ${r.expired.length} 条${r.expired.length ? `（${r.expired.join('、')}）` : ''}，提醒 ${r.alerts} 条，新开督办 ${r.supervisionOpened.length} 项${r.supervisionOpened.length ? `（${r.supervisionOpened.join('、')}）` : ''}，督办超期升级 ${r.escalated} 项，发送邮件 ${r.emails} 封`,
      )
    }),
  )

try {
  env()
  await program.parseAsync(process.argv)
} catch (err) {
  console.error(err instanceof Error ? err.message : err)
  process.exitCode = 1
}
