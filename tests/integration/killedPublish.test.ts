/**
 * A process killed (kill -9) in the middle of publishing leaves the database as it was before: the entry
 * unpublished, no publication in its history or audit log, no index task; the next start publishes it
 * cleanly and the search index, rebuilt from the database at start, agrees (issue 13, finding 1).
 */
import { spawn } from 'node:child_process'

import { now } from '../../src/domain/clock'
import { rebuildIndex } from '../../src/jobs/syncIndex'
import { searchEngine } from '../../src/search/searchEngine'
import { transitionEntry } from '../../src/services/entryTransitions'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
const indexed = async (text: string) =>
  (await searchEngine().search({ text, audience: 'agent', now: now() })).hits.map((h) => h.document.code)

const killMidPublish = (entryId: number, actorId: number) =>
  new Promise<{ signal: NodeJS.Signals | null; output: string }>((resolve, reject) => {
    const inherited: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'silent' }
    delete inherited.NODE_OPTIONS
    const child = spawn(
      process.execPath,
      [
        '--conditions=production',
        '--import',
        './bin/register-tsx.mjs',
        'tests/helpers/publishThenHang.ts',
        String(entryId),
        String(actorId),
      ],
      { env: inherited as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('MID-PUBLISH')) child.kill('SIGKILL')
    })
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('error', reject)
    child.once('exit', (_code, signal) => resolve({ signal, output }))
  })

it('restarts after a kill -9 mid-publish to a consistent entry, history, audit log and index', async () => {
  const { payload, world } = context
  const editor = { ...world.users.editorA, roles: ['unit-editor'] } as never
  const reviewer = { ...world.users.reviewerA, roles: ['unit-reviewer'] } as never
  const kbAdmin = { ...world.users.kbAdmin, roles: ['kb-admin'] } as never
  const entry = await payload.create({
    collection: 'knowledge-entries',
    draft: true,
    data: {
      type: 'faq',
      title: '断电测试条目',
      unit: world.units.a.id,
      faq: { question: '问', answer: '答' },
    } as never,
  })
  await transitionEntry(payload, { id: entry.id, action: 'submit', actor: editor }, {} as never)
  await transitionEntry(payload, { id: entry.id, action: 'approve_unit', actor: reviewer }, {} as never)
  const jobs = () => payload.count({ collection: 'payload-jobs', overrideAccess: true }).then((r) => r.totalDocs)
  const jobsBefore = await jobs()

  const { signal, output } = await killMidPublish(entry.id, world.users.kbAdmin.id)
  expect({ signal, sawMidPublish: output.includes('MID-PUBLISH') }).toEqual({ signal: 'SIGKILL', sawMidPublish: true })

  const latest = await payload.findByID({ collection: 'knowledge-entries', id: entry.id, draft: true, depth: 0 })
  expect(latest).toMatchObject({ workflowState: 'hotline_review', _status: 'draft' })
  const publishedVersions = await payload.countVersions({
    collection: 'knowledge-entries',
    where: { and: [{ parent: { equals: entry.id } }, { 'version._status': { equals: 'published' } }] },
  })
  expect(publishedVersions.totalDocs).toBe(0)
  const audit = await payload.find({
    collection: 'audit-log',
    where: { entry: { equals: entry.id } },
    sort: 'createdAt',
  })
  expect(audit.docs.map((d) => d.action)).toEqual(['submit', 'approve_unit'])
  expect(await jobs()).toBe(jobsBefore)
  await rebuildIndex(payload)
  expect(await indexed('断电测试条目')).toEqual([])

  // The restarted process publishes it cleanly, and the index follows.
  await transitionEntry(payload, { id: entry.id, action: 'approve_hotline', actor: kbAdmin }, {} as never)
  const audited = await payload.find({
    collection: 'audit-log',
    where: { entry: { equals: entry.id } },
    sort: 'createdAt',
  })
  expect(audited.docs.map((d) => d.action)).toEqual(['submit', 'approve_unit', 'approve_hotline'])
  await rebuildIndex(payload)
  expect(await indexed('断电测试条目')).toEqual([entry.code])
}, 180_000)
