/**
 * Whether a value is a Lexical document this editor can hold: a root whose nodes are of known types,
 * with children lists and text strings where Lexical expects them. Anything else is refused with a
 * message on save instead of failing inside the editor's hooks.
 */
const NODE_TYPES = new Set([
  'root',
  'paragraph',
  'text',
  'heading',
  'quote',
  'list',
  'listitem',
  'link',
  'autolink',
  'linebreak',
  'tab',
  'upload',
  'relationship',
  'horizontalrule',
  'block',
  'inlineBlock',
])

function nodeProblem(node: unknown, path: string): string | undefined {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return `${path} 不是 Lexical 节点`
  const { type, children, text } = node as Record<string, unknown>
  if (typeof type !== 'string' || !NODE_TYPES.has(type)) return `${path} 的节点类型无效：${String(type).slice(0, 30)}`
  if (type === 'text' && typeof text !== 'string') return `${path} 的文本节点缺少 text`
  if (children === undefined) return type === 'root' ? `${path} 缺少 children` : undefined
  if (!Array.isArray(children)) return `${path}.children 须为数组`
  for (let i = 0; i < children.length; i++) {
    const problem = nodeProblem(children[i], `${path}.children[${i}]`)
    if (problem) return problem
  }
  return undefined
}

/** A message naming the first problem, or undefined for an empty value or a well-formed document. */
export function lexicalShapeProblem(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined
  if (typeof value !== 'object' || Array.isArray(value) || !('root' in value))
    return '正文须为 Lexical 文档（{ root: … }）'
  const root = (value as { root: unknown }).root
  if ((root as { type?: unknown } | null)?.type !== 'root') return '正文的 root 节点类型须为 root'
  return nodeProblem(root, 'root')
}
