import { composeAnswer } from '../../src/services/answerText'

describe('answer text', () => {
  it('reads out a guide: materials, steps, time limit, fee, phone and places', () => {
    const answer = composeAnswer({
      code: 'KB-1',
      type: 'guide',
      title: '居民身份证遗失补领',
      summary: '身份证丢了可到户政窗口补领。',
      guide: {
        materials: ['户口簿', '近期照片'],
        steps: ['窗口申请', '领取'],
        timeLimit: '20个工作日',
        fee: '20元',
        phone: '0000-8610001',
        locations: [{ title: '市民中心', address: '市民大道100号' }],
      },
    })
    expect(answer).toBe(
      [
        '身份证丢了可到户政窗口补领。',
        '所需材料：户口簿；近期照片',
        '办理流程：1. 窗口申请；2. 领取',
        '办理时限：20个工作日',
        '收费标准：20元',
        '咨询电话：0000-8610001',
        '办理地点：市民中心 市民大道100号',
      ].join('\n'),
    )
  })

  it('uses the answer of a FAQ and the title when there is no summary', () => {
    expect(composeAnswer({ type: 'faq', title: '老年卡怎么办', faq: { answer: '携带身份证到社区办理。' } })).toBe(
      '老年卡怎么办\n答复：携带身份证到社区办理。',
    )
  })
})

describe('answer text without repetition', () => {
  it('reads an FAQ whose answer repeats its summary once', () => {
    const answer = composeAnswer({
      type: 'faq',
      title: '公积金怎么取',
      summary: '购房、租房、退休等情形可提取住房公积金。',
      faq: { answer: '购房、租房、退休等情形可提取住房公积金。' },
    })
    expect(answer).toBe('购房、租房、退休等情形可提取住房公积金。')
  })

  it('keeps an answer that says more than the summary', () => {
    const answer = composeAnswer({
      type: 'faq',
      title: '公积金怎么取',
      summary: '可以提取。',
      faq: { answer: '购房、租房、退休等情形可提取住房公积金。' },
    })
    expect(answer).toBe('可以提取。\n答复：购房、租房、退休等情形可提取住房公积金。')
  })
})
