import {
  type AttachmentError,
  attachmentHref,
  checkAttachments,
  fileSizeText,
  MAX_ATTACHMENT_BYTES,
  sniffAttachmentType,
} from '../../src/domain/workOrders/orderAttachments'

const bytes = (...b: number[]) => new Uint8Array([...b, 0, 0, 0, 0, 0, 0, 0, 0])
const file = (name: string, data: Uint8Array, size = data.length) => ({ name, data, size })

describe('explanation attachments', () => {
  it('tells the accepted kinds by their first bytes, whatever the name says', () => {
    expect(sniffAttachmentType(new TextEncoder().encode('%PDF-1.7'))).toBe('application/pdf')
    expect(sniffAttachmentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png')
    expect(sniffAttachmentType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg')
    expect(sniffAttachmentType(new TextEncoder().encode('GIF89a'))).toBe('image/gif')
    expect(sniffAttachmentType(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp')
    expect(sniffAttachmentType(new TextEncoder().encode('RIFF\0\0\0\0WAVEfmt '))).toBeUndefined()
    expect(sniffAttachmentType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeUndefined()
    expect(sniffAttachmentType(new Uint8Array())).toBeUndefined()
  })

  it('refuses in Chinese: too many, empty, too large, not an image or PDF', () => {
    const pdf = new TextEncoder().encode('%PDF-1.4 …')
    expect(checkAttachments([file('a.pdf', pdf)])).toEqual([{ ...file('a.pdf', pdf), mimeType: 'application/pdf' }])
    const refusal = (files: Parameters<typeof checkAttachments>[0]) => {
      try {
        checkAttachments(files)
      } catch (err) {
        return [(err as AttachmentError).status, (err as Error).message]
      }
      return undefined
    }
    expect(refusal(Array.from({ length: 6 }, (_, i) => file(`${i}.pdf`, pdf)))).toEqual([400, '一次最多上传 5 个附件'])
    expect(refusal([file('空.pdf', new Uint8Array(), 0)])).toEqual([400, '附件“空.pdf”是空文件'])
    expect(refusal([file('大.pdf', pdf, MAX_ATTACHMENT_BYTES + 1)])).toEqual([413, '附件“大.pdf”超过 10 MB'])
    expect(refusal([file('说明.png', new TextEncoder().encode('hello'))])).toEqual([
      400,
      '附件“说明.png”不是图片（JPG、PNG、GIF、WebP）或 PDF 文件',
    ])
  })

  it('links to the file route and writes sizes as people read them', () => {
    expect(attachmentHref({ filename: '现场 照片.png' })).toBe(
      `/api/order-attachments/file/${encodeURIComponent('现场 照片.png')}`,
    )
    expect(fileSizeText(300)).toBe('1 KB')
    expect(fileSizeText(356 * 1024)).toBe('356 KB')
    expect(fileSizeText(2.4 * 1024 * 1024)).toBe('2.4 MB')
  })
})
