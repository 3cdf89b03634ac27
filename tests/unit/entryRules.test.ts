import fc from 'fast-check'

import { isEntryCode, nextEntryCode } from '../../src/domain/knowledge/entryCode'
import { checkGuideContent, checkValidityWindow, isPastValidity } from '../../src/domain/knowledge/entryRules'
import { defaultReviewCycleDays, effectiveAudience } from '../../src/domain/knowledge/entryTypes'

describe('entry codes', () => {
  it('continues after the highest code and ignores foreign ones', () => {
    expect(nextEntryCode([])).toBe('KB-0001')
    expect(nextEntryCode(['KB-0009', 'KB-0102', 'X-9999', 'KB-12'])).toBe('KB-0103')
    expect(nextEntryCode(['KB-9999'])).toBe('KB-10000')
  })

  it('never returns a code that is already taken', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50_000 })), (ns) => {
        const codes = ns.map((n) => `KB-${String(n).padStart(4, '0')}`)
        const next = nextEntryCode(codes)
        return isEntryCode(next) && !codes.includes(next)
      }),
    )
  })
})

describe('validity and content rules', () => {
  it('refuses a validity that ends before it starts and accepts open or one-day windows', () => {
    expect(checkValidityWindow('2026-05-01T00:00:00Z', '2026-04-30T00:00:00Z')).toBe('有效期至不能早于生效日期')
    expect(checkValidityWindow('2026-05-01T00:00:00Z', '2026-05-01T00:00:00Z')).toBe(true)
    expect(checkValidityWindow(undefined, '2026-04-30T00:00:00Z')).toBe(true)
    expect(checkValidityWindow('2026-05-01T00:00:00Z', null)).toBe(true)
  })

  it('asks a guide for materials or steps', () => {
    expect(checkGuideContent([], [])).toMatch(/申请材料或办理流程/)
    expect(checkGuideContent(undefined, [{ text: '受理' }])).toBe(true)
    expect(checkGuideContent([{ text: '身份证' }], undefined)).toBe(true)
  })

  it('treats the whole validUntil day (Shanghai) as still valid', () => {
    const until = '2026-11-24T16:00:00.000Z' // 2026-11-25 00:00 in Shanghai
    expect(isPastValidity(until, new Date('2026-11-25T23:59:59+08:00'))).toBe(false)
    expect(isPastValidity(until, new Date('2026-11-26T00:00:00+08:00'))).toBe(true)
    expect(isPastValidity(undefined, new Date())).toBe(false)
  })
})

describe('entry types', () => {
  it('keeps answer scripts internal whatever is asked', () => {
    expect(effectiveAudience('script', 'public')).toBe('internal')
    expect(effectiveAudience('faq', 'internal')).toBe('internal')
    expect(effectiveAudience('faq', undefined)).toBe('public')
  })

  it('has review cycle defaults by type', () => {
    expect(defaultReviewCycleDays('policy')).toBe(90)
    expect(defaultReviewCycleDays('location')).toBe(365)
    expect(defaultReviewCycleDays('notice')).toBeUndefined()
  })
})
