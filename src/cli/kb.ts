/** The operators' command line: `npm run kb -- <command>`. */
import { SingleBar } from 'cli-progress'
import { Command } from 'commander'
import path from 'node:path'

import { env } from '../config/env'
import { importEntries, type ImportReport } from '../import/importEntries'
import { readRecords } from '../import/readRecords'
import { seedDemo } from '../seed/seedDemo'
import { bootPayload } from '../server/bootPayload'

function printReport(report: ImportReport, file: string): void {
  for (const e of report.errors) console.error(`第 ${e.line} 行${e.code ? `（${e.code}）` : ''}：${e.message}`)
  for (const w of report.warnings) console.warn(`第 ${w.line} 行${w.code ? `（${w.code}）` : ''}：${w.message}`)
  console.log(
    `导入完成 ${path.basename(file)}：新建 ${report.created} 条，更新 ${report.updated} 条，失败 ${report.failed} 条，提示 ${report.warnings.length} 条`,
  )
}

const program = new Command('kb').description('12345 热线知识库运维命令')

program
  .command('import')
  .description('从 JSON Lines、JSON、CSV 或 XLSX 文件导入知识条目（按知识编号更新或新建）')
  .argument('<file>', '导入文件')
  .option('--create-missing', '自动创建不存在的承办单位和知识库目录')
  .option('--publish', '直接发布导入的条目（已过有效期的条目仍为草稿）')
  .action(async (file: string, opts: { createMissing?: boolean; publish?: boolean }) => {
    const records = await readRecords(file)
    const payload = await bootPayload()
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
    await payload.destroy()
    process.exitCode = report.failed > 0 ? 1 : 0
  })

program
  .command('seed')
  .description('将内置数据库重置为演示数据（生产环境禁止）')
  .action(async () => {
    const payload = await bootPayload()
    const summary = await seedDemo(payload, { reset: true })
    console.log(`演示数据已写入：${summary}`)
    await payload.destroy()
  })

try {
  env()
  await program.parseAsync(process.argv)
} catch (err) {
  console.error(err instanceof Error ? err.message : err)
  process.exitCode = 1
}
