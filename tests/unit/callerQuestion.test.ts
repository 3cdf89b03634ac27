import { isLearnable, maskCallerQuestion } from '../../src/domain/knowledge/callerQuestion'

describe('caller questions as candidate similar questions', () => {
  it('masks digits, phones, ID numbers and e-mail addresses', () => {
    expect(maskCallerQuestion('我电话13812345678，身份证110101199001011234丢了')).toBe('我电话*，身份证*丢了')
    expect(maskCallerQuestion('发到 zhang.san@example.com 行吗')).toBe('发到 * 行吗')
    expect(maskCallerQuestion('我手机一三八一二三四五六七八')).toBe('我手机*')
  })

  it('masks names after a cue or before a title, and addresses', () => {
    expect(maskCallerQuestion('我叫张三，身份证丢了怎么办')).toBe('我叫*，身份证丢了怎么办')
    expect(maskCallerQuestion('我叫张三电话13812345678身份证丢了')).toBe('我叫*电话*身份证丢了')
    expect(maskCallerQuestion('我是王小明住在幸福小区')).not.toMatch(/王小明|幸福/)
    expect(maskCallerQuestion('王先生问公积金怎么提取')).toBe('*先生问公积金怎么提取')
    expect(maskCallerQuestion('我住在东城区阳光小区3栋2单元，楼下太吵')).toBe('我住在*，楼下太吵')
    expect(maskCallerQuestion('建设路12号的路灯坏了')).toBe('*路*号的路灯坏了')
  })

  it('keeps the phrasing itself', () => {
    expect(maskCallerQuestion('我是外地人，孩子能在这上学吗')).toBe('我是外地人，孩子能在这上学吗')
    expect(maskCallerQuestion('公积金能不能取出来交房租')).toBe('公积金能不能取出来交房租')
  })

  it('learns only phrasings with words left and of a question’s length', () => {
    expect(isLearnable('公积金怎么取')).toBe(true)
    expect(isLearnable('*先生')).toBe(false)
    expect(isLearnable('社保'.repeat(70))).toBe(false)
  })
})
