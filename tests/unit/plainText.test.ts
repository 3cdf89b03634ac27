import { lexicalToPlainText, plainTextToLexical } from '../../src/lexical/plainText'

describe('Lexical plain text', () => {
  it('round-trips paragraphs', () => {
    const body = plainTextToLexical('地址：市民大道88号。\n\n  办公时间：周一至周五。  ')
    expect((body.root.children as unknown[]).length).toBe(2)
    expect(lexicalToPlainText(body)).toBe('地址：市民大道88号。\n\n办公时间：周一至周五。')
  })

  it('reads headings, lists and formatted text written in the editor', () => {
    const text = (t: string, format = 0) => ({
      type: 'text',
      text: t,
      format,
      style: '',
      mode: 'normal',
      detail: 0,
      version: 1,
    })
    const body = {
      root: {
        type: 'root',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        children: [
          {
            type: 'heading',
            tag: 'h2',
            format: '',
            indent: 0,
            version: 1,
            direction: 'ltr',
            children: [text('申请材料')],
          },
          {
            type: 'list',
            listType: 'number',
            tag: 'ol',
            start: 1,
            format: '',
            indent: 0,
            version: 1,
            direction: 'ltr',
            children: [
              {
                type: 'listitem',
                value: 1,
                format: '',
                indent: 0,
                version: 1,
                direction: 'ltr',
                children: [text('身份证', 1)],
              },
              {
                type: 'listitem',
                value: 2,
                format: '',
                indent: 0,
                version: 1,
                direction: 'ltr',
                children: [text('户口簿')],
              },
            ],
          },
        ],
      },
    }
    const plain = lexicalToPlainText(body)
    expect(plain).toContain('申请材料')
    expect(plain).toContain('身份证')
    expect(plain).toContain('户口簿')
    expect(plain.indexOf('身份证')).toBeLessThan(plain.indexOf('户口簿'))
  })

  it('gives an empty string for anything that is not a Lexical state', () => {
    expect(lexicalToPlainText(null)).toBe('')
    expect(lexicalToPlainText('text')).toBe('')
    expect(lexicalToPlainText({})).toBe('')
  })
})
