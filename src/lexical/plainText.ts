/** Plain text in and out of Lexical bodies: for search, the public site, and imports. */
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'

export type LexicalBody = SerializedEditorState

export function lexicalToPlainText(body: unknown): string {
  if (!body || typeof body !== 'object' || !('root' in body)) return ''
  return convertLexicalToPlaintext({ data: body as LexicalBody }).trim()
}

/** One Lexical paragraph per non-empty line of the text. */
export function plainTextToLexical(text: string): LexicalBody {
  const paragraphs = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({
      type: 'paragraph',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      textFormat: 0,
      textStyle: '',
      children: [{ type: 'text', text: line, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
    }))
  return {
    root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: paragraphs },
  } as unknown as LexicalBody
}
