/**
 * The part of an entry's body that says something its own fields do not. Bodies written for search
 * often repeat the fields line by line ("办理条件：…"); the public page shows those fields already,
 * so such lines, and a line repeating the summary, are left out of 详细说明.
 */
const LABEL = /^([^：:]{1,8})[：:]/

export function bodyBeyondFields(
  body: string,
  shown: { summary?: string | null; labels: readonly string[] },
): string[] {
  const labels = new Set(shown.labels)
  const summary = shown.summary?.trim()
  return body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && line !== summary && !labels.has(LABEL.exec(line)?.[1] ?? ''))
}

/** The labels each type's page shows as fields of their own (and the words bodies use for them). */
export const SHOWN_LABELS: Record<string, readonly string[]> = {
  guide: [
    '设定依据',
    '办理条件',
    '申请材料',
    '办理流程',
    '办理时限',
    '收费',
    '收费标准',
    '咨询电话',
    '电话',
    '网上办理',
  ],
  location: ['地址', '办公时间', '电话', '联系电话', '交通', '交通指引'],
  policy: ['文号', '发文机关', '施行日期', '有效期至', '政策要点'],
  faq: ['问题', '答复', '答案'],
  notice: ['时间'],
  script: [],
}
