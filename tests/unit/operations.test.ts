/** The pure rules of operations: backup manifests and pruning, personal-data retention. */
import {
  type BackupManifest,
  backupFolderName,
  backupsToPrune,
  keyFingerprint,
  manifestProblems,
} from '../../src/domain/backup'
import { anonymisation, endedAt, erasableOnRequest, isDueForAnonymisation } from '../../src/domain/workOrders/retention'

const step = (at: string, to: string) => ({ at, to, action: 'x' })

describe('retention rule', () => {
  const now = new Date('2026-11-25T10:00:00+08:00')

  it('counts from the last step into the final state, not from intake', () => {
    const order = {
      state: 'closed',
      timeline: [step('2020-01-01T00:00:00Z', 'intake'), step('2023-05-01T00:00:00Z', 'closed')],
    }
    expect(endedAt(order)?.toISOString()).toBe('2023-05-01T00:00:00.000Z')
    expect(isDueForAnonymisation(order, now, 1095)).toBe(true)
    expect(isDueForAnonymisation(order, now, 1400)).toBe(false)
  })

  it('never takes open, unfinished or already anonymised orders', () => {
    const timeline = [step('2020-01-01T00:00:00Z', 'closed')]
    expect(isDueForAnonymisation({ state: 'accepted', timeline }, now, 1)).toBe(false)
    expect(isDueForAnonymisation({ state: 'closed', timeline: null }, now, 1)).toBe(false)
    expect(isDueForAnonymisation({ state: 'closed', timeline, anonymisedAt: '2025-01-01' }, now, 1)).toBe(false)
    expect(isDueForAnonymisation({ state: 'split', timeline: [step('2020-01-01T00:00:00Z', 'split')] }, now, 1)).toBe(
      true,
    )
    expect(erasableOnRequest({ state: 'replied' })).toBe(false)
    expect(erasableOnRequest({ state: 'closed' })).toBe(true)
  })

  it('blanks identity and the claimant’s own words, keeping the flags and the handling result', () => {
    const patch = anonymisation(
      { claimant: { confidential: true, noReply: false }, reply: { result: '已处理', contacted: true } },
      now,
      'request',
    )
    expect(patch.claimant).toMatchObject({ nameEnc: null, phoneEnc: null, idEnc: null, phoneHash: null })
    expect(patch.claimant.confidential).toBe(true)
    expect(patch.reply).toEqual({ result: '已处理', contacted: true, text: null })
    expect(patch).toMatchObject({ address: null, attachments: [], anonymisedReason: 'request' })
  })
})

describe('backup rules', () => {
  it('names scheduled backups by time and prunes only the oldest of them', () => {
    expect(backupFolderName(new Date('2026-11-25T02:30:05Z'))).toBe('hotline-kb-20261125T023005Z')
    const folders = [
      'hotline-kb-20261123T023000Z',
      'hotline-kb-20261125T023000Z',
      'my-own-copy',
      'hotline-kb-20261124T023000Z',
    ]
    expect(backupsToPrune(folders, 2)).toEqual(['hotline-kb-20261123T023000Z'])
    expect(backupsToPrune(folders, 5)).toEqual([])
  })

  it('finds missing files, changed checksums and row counts that differ', () => {
    const manifest = {
      format: 1,
      database: { tables: { work_orders: 7, media: 1 } },
      files: [
        { path: 'hotline-kb.db', size: 10, sha256: 'a' },
        { path: 'media/x.png', size: 3, sha256: 'b' },
      ],
    } as unknown as BackupManifest
    const whole = {
      files: new Map([
        ['hotline-kb.db', { size: 10, sha256: 'a' }],
        ['media/x.png', { size: 3, sha256: 'b' }],
      ]),
      tables: { work_orders: 7, media: 1 },
    }
    expect(manifestProblems(manifest, whole)).toEqual([])
    const broken = {
      files: new Map([
        ['hotline-kb.db', { size: 10, sha256: 'c' }],
        ['media/x.png', undefined],
      ]),
      tables: { work_orders: 6, media: 1 },
    }
    expect(manifestProblems(manifest, broken)).toEqual([
      '文件校验不符 hotline-kb.db',
      '缺少文件 media/x.png',
      '数据表 work_orders 应有 7 行，实际 6',
    ])
  })

  it('fingerprints a key without revealing it', () => {
    const key = Buffer.alloc(32, 1)
    expect(keyFingerprint(key)).toMatch(/^[0-9a-f]{16}$/)
    expect(keyFingerprint(key)).not.toBe(keyFingerprint(Buffer.alloc(32, 2)))
  })
})
