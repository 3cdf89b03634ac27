import { isValidPhone, splitPhones } from '../../src/domain/phone'

describe('phone numbers', () => {
  it.each([
    '0571-87654321',
    '0000-7124230',
    '010-12345678',
    '02112345678',
    '0571-87654321-802',
    '13912345678',
    '12345',
    '95598',
    '400-123-4567',
    '0000-8612345、0000-8612346',
  ])('accepts %s', (p) => expect(isValidPhone(p)).toBe(true))

  it.each(['', '123', '87654321', '1391234567', '23912345678', 'abc-1234567', '0571-876', '0000-8612345、hello'])(
    'rejects %s',
    (p) => expect(isValidPhone(p)).toBe(false),
  )

  it('splits lists written with Chinese and ASCII separators', () => {
    expect(splitPhones('0000-8612345、13912345678，12345; 95598')).toEqual([
      '0000-8612345',
      '13912345678',
      '12345',
      '95598',
    ])
  })
})
