/**
 * What the collection's hooks and validators decide on a save, as the pure functions the importer's
 * bulk writes share with them.
 */
import { entryTypeDefaults } from '../../src/domain/knowledge/entryDefaults'
import { passesEntryFieldRules } from '../../src/domain/knowledge/entryFieldRules'
import { systemSaveFields } from '../../src/domain/workflow/systemSave'

const at = new Date('2026-11-25T02:00:00.000Z')

const guide = {
  code: 'KB-1234',
  type: 'guide',
  audience: 'public',
  title: '居住证办理',
  unit: 3,
  validFrom: '2025-12-31T16:00:00.000Z',
  validUntil: '2028-12-30T16:00:00.000Z',
  reviewCycleDays: 180,
  guide: { materials: [{ text: '身份证' }], steps: [{ text: '申请' }], phone: '12345' },
}

describe('the collection field rules on a whole entry', () => {
  it('accepts a complete entry of each kind', () => {
    expect(passesEntryFieldRules(guide)).toBe(true)
    expect(passesEntryFieldRules({ ...guide, type: 'faq', guide: undefined })).toBe(true)
    expect(
      passesEntryFieldRules({
        ...guide,
        type: 'notice',
        guide: undefined,
        notice: { eventStart: '2026-12-01T00:00:00.000Z', eventEnd: '2026-12-01T00:00:00.000Z' },
      }),
    ).toBe(true)
  })

  it.each([
    ['a code not of the KB- form', { code: 'X-1' }],
    ['no code', { code: undefined }],
    ['an unknown type', { type: 'memo' }],
    ['an unknown audience', { audience: 'everyone' }],
    ['an empty title', { title: ' ' }],
    ['no unit', { unit: undefined }],
    ['a validity that ends before it starts', { validUntil: '2025-01-01T00:00:00.000Z' }],
    ['a review cycle beyond ten years', { reviewCycleDays: 3651 }],
    ['a review cycle that is not whole', { reviewCycleDays: 1.5 }],
    ['a guide without materials or steps', { guide: { materials: [], steps: [] } }],
    ['an empty material', { guide: { materials: [{ text: '' }] } }],
    ['a guide phone that is no number', { guide: { ...guide.guide, phone: '请致电' } }],
    ['a location phone that is no number', { type: 'location', guide: undefined, location: { phone: 'abc' } }],
    ['an empty key point', { type: 'policy', guide: undefined, policy: { keyPoints: [{ text: '' }] } }],
    [
      'an event that ends before it starts',
      { notice: { eventStart: '2026-12-02T00:00:00.000Z', eventEnd: '2026-12-01T00:00:00.000Z' } },
    ],
  ])('refuses %s', (_, change) => {
    expect(passesEntryFieldRules({ ...guide, ...change })).toBe(false)
  })
})

describe('type defaults', () => {
  it('keeps scripts internal and gives a new entry its type’s review cycle', () => {
    expect(entryTypeDefaults({ type: 'script', audience: 'public' }, undefined, 'create')).toEqual({
      type: 'script',
      audience: 'internal',
      reviewCycleDays: 90,
    })
    expect(entryTypeDefaults({ type: 'faq', reviewCycleDays: 30 }, undefined, 'create')).toEqual({
      type: 'faq',
      reviewCycleDays: 30,
    })
  })

  it('leaves an update’s review cycle and an unknown type alone', () => {
    expect(entryTypeDefaults({ title: '新标题' }, { type: 'policy' }, 'update')).toEqual({ title: '新标题' })
    const odd = { type: 'memo' }
    expect(entryTypeDefaults(odd, undefined, 'create')).toBe(odd)
  })
})

describe('saves without a user', () => {
  it('publishes a new entry with its review dates, or keeps it a draft without them', () => {
    expect(
      systemSaveFields({ type: 'faq', reviewCycleDays: 10, _status: 'published' }, undefined, 'create', at),
    ).toEqual({
      workflowState: 'published',
      publishedAt: at.toISOString(),
      reviewedAt: at.toISOString(),
      nextReviewAt: '2026-12-05T02:00:00.000Z',
    })
    expect(systemSaveFields({ type: 'faq', _status: 'draft' }, undefined, 'create', at)).toEqual({
      workflowState: 'draft',
    })
  })

  it('reviews a notice when its event ends', () => {
    const notice = { type: 'notice', _status: 'published', notice: { eventEnd: '2026-12-31T10:00:00.000Z' } }
    expect(systemSaveFields(notice, undefined, 'create', at).nextReviewAt).toBe('2026-12-31T10:00:00.000Z')
  })

  it('publishes a new version of a live entry only when its content changes', () => {
    const live = { type: 'faq', title: '旧', workflowState: 'published', _status: 'published' }
    expect(systemSaveFields({ title: '旧', _status: 'published' }, live, 'update', at)).toEqual({
      workflowState: 'published',
    })
    expect(systemSaveFields({ title: '新', _status: 'published' }, live, 'update', at)).toEqual({
      workflowState: 'published',
      publishedAt: at.toISOString(),
    })
  })
})
