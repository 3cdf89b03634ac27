/** The operators' command line: `npm run kb -- <command>`. */
import path from 'node:path'

import { SingleBar } from 'cli-progress'
import { Command } from 'commander'
import type { Payload } from 'payload'

import { env } from '../config/env'
import { now } from '../domain/clock'
import { MONTH_PATTERN, previousMonth } from '../domain/workOrders/reportMonth'
import { type ImportFormat, importEntries, type ImportReport } from '../import/importEntries'
import { streamRecords } from '../import/readRecords'
import { runKnowledgeMaintenance } from '../jobs/knowledgeMaintenance'
import { rebuildIndex } from '../jobs/syncIndex'
import { reloadSearchSettings } from '../jobs/syncSearchSettings'
import { runOrderDeadlines } from '../jobs/workOrderDeadlines'
import { searchEngine } from '../search/searchEngine'
import { seedDemo } from '../seed/seedDemo'
import { bootPayload } from '../server/bootPayload'
import { createBackup, embeddedDataPlace, restoreBackup } from '../services/backup'
import { trainIntakeModel } from '../services/intakeSuggestions'
import { publishMonthlyReport } from '../services/monthlyReport'
import { anonymiseExpired } from '../services/personalDataRetention'

const FORMATS: ImportFormat[] = ['auto', 'exchange', 'catalogue']
type ImportCommandOptions = { format: ImportFormat; createMissing?: boolean; publish?: boolean }

function printReport(report: ImportReport, file: string, seconds: number): void {
  for (const e of report.errors) console.error(`第 ${e.line} 行${e.code ? `（${e.code}）` : ''}：${e.message}`)
  for (const w of report.warnings) console.warn(`第 ${w.line} 行${w.code ? `（${w.code}）` : ''}：${w.message}`)
  console.log(
    `导入完成 ${path.basename(file)}：新建 ${report.created} 条，更新 ${report.updated} 条，失败 ${report.failed} 条，提示 ${report.warnings.length} 条，用时 ${seconds.toFixed(1)} 秒（${((report.created + report.updated) / seconds).toFixed(1)} 条/秒）`,
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
  .description(
    '从 JSON Lines、JSON、CSV 或 XLSX 文件导入知识条目或政务服务事项实施清单（按知识编号或事项编码更新或新建）',
  )
  .argument('<file>', '导入文件')
  .option('--format <format>', '文件格式：auto（自动识别）、exchange（知识交换格式）、catalogue（事项清单）', 'auto')
  .option('--create-missing', '自动创建不存在的承办单位和知识库目录')
  .option('--publish', '直接发布导入的条目（已过有效期的条目仍为草稿）')
  .action(
    withPayload(async (payload: Payload, file: string, opts: ImportCommandOptions) => {
      if (!FORMATS.includes(opts.format))
        throw new Error(`未知的文件格式：${opts.format}（可用：${FORMATS.join('、')}）`)
      const started = performance.now()
      // The file is read as it is imported: its size is not known beforehand.
      const records = await streamRecords(file)
      const bar = process.stdout.isTTY
        ? new SingleBar({ format: '导入中 已读 {value} 行', hideCursor: true })
        : undefined
      bar?.start(0, 0)
      const report = await importEntries(payload, records, {
        ...opts,
        onProgress: (done) => bar?.update(done),
      })
      bar?.stop()
      printReport(report, file, (performance.now() - started) / 1000)
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

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

/** Backup and restore handle the embedded database; MongoDB has its own tools. */
function embeddedOnly(): void {
  if (env().databaseKind !== 'sqlite')
    throw new Error('MongoDB 部署请用 mongodump / mongorestore 备份和恢复（见 README“运维”）')
}

program
  .command('backup')
  .description('在线备份内置数据库和附件（服务器可照常运行），附清单、行数和校验和')
  .argument('<dir>', '备份目录（须为新目录或空目录）')
  .option('--with-keys', '同时备份内置密钥文件（personal-data-key、payload-secret）；备份须妥善保管')
  .action(async (dir: string, opts: { withKeys?: boolean }) => {
    embeddedOnly()
    const { manifest, bytes, ms } = await createBackup(embeddedDataPlace(env()), dir, opts)
    const rows = Object.values(manifest.database.tables).reduce((a, b) => a + b, 0)
    console.log(
      `备份完成 ${path.resolve(dir)}：数据库 ${Object.keys(manifest.database.tables).length} 张表 ${rows} 行，附件 ${manifest.files.filter((f) => f.path.startsWith('media')).length} 个，共 ${megabytes(bytes)}，用时 ${seconds(ms)}`,
    )
    if (manifest.missingMedia.length)
      console.warn(
        `提示：${manifest.missingMedia.length} 个附件文件在备份时已不存在：${manifest.missingMedia.join('、')}`,
      )
    if (!manifest.keysIncluded)
      console.log(`未包含密钥：恢复时需要同一把个人信息密钥（指纹 ${manifest.personalDataKeyFingerprint}）`)
  })

program
  .command('restore')
  .description('从备份恢复内置数据库和附件（须先停止服务器），校验清单后重建搜索索引')
  .argument('<dir>', '备份目录')
  .action(async (dir: string) => {
    embeddedOnly()
    const restored = await restoreBackup(dir, embeddedDataPlace(env()))
    for (const f of restored.setAside) console.log(`原有数据已另存：${f}`)
    const payload = await bootPayload()
    try {
      const started = performance.now()
      await reloadSearchSettings(payload)
      const indexed = await rebuildIndex(payload)
      const { manifest } = restored
      console.log(
        `恢复完成：备份时间 ${manifest.createdAt}（版本 ${manifest.version}），附件 ${manifest.files.filter((f) => f.path.startsWith('media')).length} 个，用时 ${seconds(restored.ms)}；搜索索引已重建 ${indexed} 条，用时 ${seconds(performance.now() - started)}`,
      )
    } finally {
      await payload.destroy()
    }
  })
program
  .command('train')
  .description('用已办结工单（标题、内容、诉求分类）训练受理分类建议模型，保存到 DATA_DIR/models')
  .action(
    withPayload(async (payload: Payload) => {
      const report = await trainIntakeModel(payload)
      if (!report) throw new Error('已办结且有诉求分类的工单不足两类，无法训练')
      console.log(
        `分类建议模型已训练：${report.examples} 件工单，${report.categories} 个分类，用时 ${report.seconds.toFixed(1)} 秒，保存于 ${report.file}`,
      )
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
    '立即运行后台任务：expiry（知识到期、复核提醒与督办巡检）、deadlines（工单时限与督办巡检）、retention（个人信息保留期限）、monthly-report（上月数据分析报告）',
  )
  .argument('<job>', '任务名：expiry、deadlines、retention 或 monthly-report')
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
      if (job === 'retention') {
        const r = await anonymiseExpired(payload)
        console.log(
          `个人信息保留期限巡检完成（${now().toISOString()}）：结束早于 ${r.cutoff} 的工单匿名化 ${r.anonymised.length} 件${r.anonymised.length ? `（${r.anonymised.join('、')}）` : ''}`,
        )
        return
      }
      if (job !== 'expiry') throw new Error(`未知的任务：${job}（可用：expiry、deadlines、retention、monthly-report）`)
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
