import { passwordProblem } from '../../src/domain/passwordPolicy'
import { DEMO_PASSWORD } from '../../src/seed/demo/organisation'

describe('password policy', () => {
  it('refuses short, common, trivial and personal passwords', () => {
    expect(passwordProblem('abc')).toMatch(/至少 10/)
    expect(passwordProblem('Short-1')).toMatch(/至少 10/)
    for (const weak of [
      '1234567890',
      'Password123',
      'qwertyuiop',
      'aaaaaaaaaaaa',
      'Admin@123456',
      '0987654321',
      'ZYXWVUTSRQ',
    ])
      expect([weak, passwordProblem(weak)]).toEqual([weak, expect.stringMatching(/常见或简单/)])
    expect(passwordProblem('zhangwei-2026!', { email: 'zhangwei@hotline.example' })).toMatch(/账号/)
    expect(passwordProblem('王小明的密码0601', { name: '王小明' })).toMatch(/姓名/)
  })

  it('accepts long uncommon passwords, the demo password among them', () => {
    expect(passwordProblem('Secret-123')).toBeUndefined()
    expect(passwordProblem('江临市12345热线-值班')).toBeUndefined()
    expect(passwordProblem(DEMO_PASSWORD, { email: 'admin@hotline.example', name: '系统管理员' })).toBeUndefined()
  })
})
