/** Everyday synonym groups a hotline starts with (kb-admins extend them in the admin). */
export const DEMO_SYNONYMS: { root?: string; terms: string[] }[] = [
  { terms: ['医保', '医疗保险', '基本医疗保险'] },
  { terms: ['社保', '社会保险'] },
  { terms: ['公积金', '住房公积金'] },
  { terms: ['身份证', '居民身份证'] },
  { terms: ['户口本', '户口簿'] },
  { terms: ['驾照', '驾驶证'] },
  { terms: ['房产证', '不动产权证书'] },
  { terms: ['个体户', '个体工商户'] },
  { terms: ['低保', '最低生活保障'] },
  { terms: ['老年卡', '老年人优待证', '敬老卡'] },
  { root: '补贴', terms: ['补助', '津贴'] },
]
