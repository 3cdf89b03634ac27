/**
 * The defaults filled around the Local API (src/services/collectionDefaults.ts) are those Payload's own
 * create fills: compared with Payload's beforeValidate field pass over the same sanitized fields, with
 * defaults inside a row, a collapsible, groups, a named tab and array rows, and function defaults.
 */
import {
  beforeValidateTraverseFields,
  createLocalReq,
  type Config,
  type Field,
  type FlattenedField,
  flattenAllFields,
  type Payload,
  type PayloadRequest,
  sanitizeFields,
} from 'payload'

import { fillDefaults } from '../../src/services/collectionDefaults'
import { startPayload } from '../helpers/payload'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})

/** New each time: sanitizing changes the fields it is given. */
const FIELDS = (): Field[] => [
  { name: 'title', type: 'text' },
  {
    type: 'row',
    fields: [
      { name: 'audience', type: 'select', options: ['public', 'internal'], defaultValue: 'public' },
      { name: 'kept', type: 'text', defaultValue: 'default' },
    ],
  },
  {
    type: 'collapsible',
    label: 'owner',
    fields: [{ name: 'owner', type: 'text', defaultValue: ({ user }) => (user ? `by ${user.email}` : 'nobody') }],
  },
  {
    name: 'meta',
    type: 'group',
    fields: [
      { type: 'row', fields: [{ name: 'level', type: 'number', defaultValue: 3 }] },
      { name: 'tags', type: 'json', defaultValue: { list: ['a'] } },
      { name: 'locale', type: 'text', defaultValue: ({ locale }) => `locale:${locale}` },
    ],
  },
  {
    type: 'tabs',
    tabs: [
      { label: 'plain', fields: [{ name: 'flag', type: 'checkbox', defaultValue: false }] },
      { name: 'extra', label: 'extra', fields: [{ name: 'note', type: 'text', defaultValue: '无' }] },
    ],
  },
  {
    name: 'steps',
    type: 'array',
    fields: [
      { name: 'text', type: 'text' },
      { type: 'row', fields: [{ name: 'done', type: 'checkbox', defaultValue: false }] },
    ],
  },
]

/** The fields as Payload sanitizes a collection's (array rows get their `id` field). */
const sanitized = () =>
  sanitizeFields({
    config: payload.config as unknown as Config,
    fields: FIELDS(),
    parentIsLocalized: false,
    validRelationships: null,
  })

const INPUT = { title: '标题', kept: 'given', steps: [{ text: '一' }, { text: '二', done: true }] }

/** Row ids are drawn at random: checked for their shape, then left out of the comparison. */
function withoutRowIds(doc: Record<string, unknown>) {
  const steps = doc.steps as { id?: unknown }[]
  for (const step of steps) expect(step.id).toMatch(/^[0-9a-f]{24}$/)
  return { ...doc, steps: steps.map(({ id: _id, ...row }) => row) }
}

async function viaPayload(fields: Field[], data: Record<string, unknown>, req: PayloadRequest) {
  const siblingData = structuredClone(data)
  await beforeValidateTraverseFields({
    collection: null,
    context: {},
    data: siblingData,
    doc: {},
    fields,
    global: null,
    operation: 'create',
    overrideAccess: true,
    parentIndexPath: '',
    parentPath: '',
    parentSchemaPath: '',
    req,
    siblingData,
    siblingDoc: {},
  })
  return siblingData
}

describe('fillDefaults', () => {
  it('fills what Payload’s create fills, nested and function defaults included, and keeps given values', async () => {
    const fields = await sanitized()
    const flattened = flattenAllFields({ fields }) as FlattenedField[]
    for (const user of [null, { id: 1, email: 'a@test.example', collection: 'users' }]) {
      const req = await createLocalReq({ user: user as never }, payload)
      const filled = await fillDefaults(flattened, INPUT, req)
      const expected = await viaPayload(fields, INPUT, req)
      expect(withoutRowIds(filled)).toEqual(withoutRowIds(expected))
      expect(filled).toMatchObject({
        audience: 'public',
        kept: 'given',
        owner: user ? 'by a@test.example' : 'nobody',
        meta: { level: 3, tags: { list: ['a'] } },
        flag: false,
        extra: { note: '无' },
        steps: [
          { text: '一', done: false },
          { text: '二', done: true },
        ],
      })
    }
  })

  it('leaves the caller’s data as it was and gives each its own copy of an object default', async () => {
    const fields = flattenAllFields({ fields: await sanitized() }) as FlattenedField[]
    const input = structuredClone(INPUT)
    const req = await createLocalReq({}, payload)
    const [a, b] = [await fillDefaults(fields, input, req), await fillDefaults(fields, input, req)]
    expect(input).toEqual(INPUT)
    ;(a.meta as { tags: { list: string[] } }).tags.list.push('b')
    expect(b.meta).toMatchObject({ tags: { list: ['a'] } })
  })
})
