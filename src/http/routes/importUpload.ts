/**
 * /api/v1/import: the admin's upload of a knowledge file (CSV, XLSX, JSON Lines, JSON, or a service
 * catalogue), first as a preview (`mode=preview`, nothing written), then imported (`mode=import`),
 * both through the command line's importer. A unit editor imports drafts into their own unit only.
 */
import express, { type NextFunction, type Request, type Response, Router } from 'express'
import type { Payload } from 'payload'
import { z } from 'zod'

import { type Caller, rateLimitPerCaller, requireCaller } from '../../auth/callers'
import { hasRole, relationId, type Role } from '../../domain/roles'
import { type ImportFormat, importEntries } from '../../import/importEntries'
import { readRecordsFrom, UnreadableFileError } from '../../import/readRecords'
import { HttpError } from '../errors'
import { parseParams } from '../searchParams'

/** Larger files go through `npm run kb -- import`. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024
/** Rows in one upload: enough for a unit's catalogue, small enough to answer within a request. */
export const MAX_UPLOAD_ROWS = 3000

const IMPORT_ROLES: readonly Role[] = ['admin', 'kb-admin', 'unit-editor']

const query = z.object({
  name: z.string({ error: '缺少文件名 name' }).min(1, '缺少文件名 name').max(200, '文件名过长'),
  mode: z.enum(['preview', 'import'], { error: 'mode 只能是 preview 或 import' }).default('preview'),
  format: z
    .enum(['auto', 'exchange', 'catalogue'], { error: 'format 只能是 auto、exchange、catalogue' })
    .default('auto'),
  createMissing: z.enum(['0', '1']).default('0'),
  publish: z.enum(['0', '1']).default('0'),
})

/** The raw body, with a Chinese answer when it is too large. */
function fileBody(req: Request, res: Response, next: NextFunction) {
  express.raw({ type: () => true, limit: MAX_UPLOAD_BYTES })(req, res, (err?: unknown) => {
    if ((err as { type?: string } | undefined)?.type === 'entity.too.large')
      return next(new HttpError(413, `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，请拆分后上传，或用命令行导入`))
    next(err)
  })
}

export function importUploadRouter(payload: Payload): Router {
  const router = Router()
  router.use(requireCaller(payload, { roles: IMPORT_ROLES, scope: 'agent' }))
  router.use(rateLimitPerCaller(payload, 'import', 30))

  router.post('/', fileBody, async (req, res) => {
    const caller = res.locals.caller as Caller
    if (caller.kind !== 'user') throw new HttpError(403, '导入须由登录的知识库管理员或单位编辑操作')
    const p = parseParams(query, req.query)
    const staff = hasRole(caller, 'admin', 'kb-admin')
    const unit = staff ? undefined : relationId(caller.unit)
    if (!staff && unit === undefined) throw new HttpError(403, '当前账号未关联承办单位，无法导入')
    const content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
    if (content.length === 0) throw new HttpError(400, '上传的文件是空的')

    const records = await readRecordsFrom(p.name, content).catch((err: unknown) => {
      throw err instanceof UnreadableFileError ? new HttpError(400, err.message) : err
    })
    const rows = records.filter((r) => !r.warning).length
    if (rows === 0) throw new HttpError(400, '文件中没有可导入的行')
    if (rows > MAX_UPLOAD_ROWS)
      throw new HttpError(400, `一次最多上传 ${MAX_UPLOAD_ROWS} 行（本文件 ${rows} 行），请拆分或用命令行导入`)

    const report = await importEntries(payload, records, {
      format: p.format as ImportFormat,
      dryRun: p.mode === 'preview',
      // Units and categories are the hotline's to create; a unit's import stays a draft for review.
      createMissing: staff && p.createMissing === '1',
      publish: staff && p.publish === '1',
      onlyUnit: unit,
    })
    res.json({ mode: p.mode, ...report })
  })
  return router
}
