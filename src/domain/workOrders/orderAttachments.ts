/**
 * Files a unit attaches to its 确已尽责 explanation (photos of the site, a scanned letter, a PDF): which
 * kinds and sizes are taken, decided by the file's own first bytes rather than the name or the type the
 * browser claims.
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
export const MAX_ATTACHMENTS = 5
export const ATTACHMENT_MIME_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf'] as const
export type AttachmentMimeType = (typeof ATTACHMENT_MIME_TYPES)[number]

/** An attachment as the explanation step of the timeline keeps it. */
export type OrderAttachmentRef = { id: string | number; name: string; filename: string; mimeType: string; size: number }

export type IncomingFile = { name: string; size: number; data: Uint8Array }

export class AttachmentError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message)
  }
}

const startsWith = (data: Uint8Array, bytes: readonly number[], offset = 0) =>
  data.length >= offset + bytes.length && bytes.every((b, i) => data[offset + i] === b)

/** The file's type by its signature, or undefined when it is none of the accepted kinds. */
export function sniffAttachmentType(data: Uint8Array): AttachmentMimeType | undefined {
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf' // %PDF-
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(data, [0x47, 0x49, 0x46, 0x38])) return 'image/gif' // GIF8
  if (startsWith(data, [0x52, 0x49, 0x46, 0x46]) && startsWith(data, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp'
  return undefined
}

/** Checks the files of one explanation and returns each with its detected type; a clear refusal otherwise. */
export function checkAttachments(files: readonly IncomingFile[]): (IncomingFile & { mimeType: AttachmentMimeType })[] {
  if (files.length > MAX_ATTACHMENTS) throw new AttachmentError(400, `一次最多上传 ${MAX_ATTACHMENTS} 个附件`)
  return files.map((file) => {
    if (file.size === 0) throw new AttachmentError(400, `附件“${file.name}”是空文件`)
    if (file.size > MAX_ATTACHMENT_BYTES)
      throw new AttachmentError(413, `附件“${file.name}”超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`)
    const mimeType = sniffAttachmentType(file.data)
    if (!mimeType) throw new AttachmentError(400, `附件“${file.name}”不是图片（JPG、PNG、GIF、WebP）或 PDF 文件`)
    return { ...file, mimeType }
  })
}

/** Where an attachment is downloaded: Payload's file route, which applies the collection's read access. */
export const attachmentHref = (ref: Pick<OrderAttachmentRef, 'filename'>) =>
  `/api/order-attachments/file/${encodeURIComponent(ref.filename)}`

/** A file size as people read it: 356 KB, 2.4 MB. */
export const fileSizeText = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`
