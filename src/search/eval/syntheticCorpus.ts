/**
 * Synthetic knowledge bases for benchmarks: realistic entries recombined (titles varied by district,
 * summaries and bodies mixed with sentences of other entries) to any size.
 */
import type { SearchDocument } from '../types'

const DISTRICTS = ['江北区', '江南区', '临湖区', '新港区', '高新区', '东城区', '西城区', '南湖区']

const sentences = (text: string) =>
  text
    .split(/(?<=[。；！？\n])/)
    .map((s) => s.trim())
    .filter(Boolean)

export function syntheticCorpus(seeds: SearchDocument[], size: number): SearchDocument[] {
  const out: SearchDocument[] = []
  for (let i = 0; i < size; i++) {
    const base = seeds[i % seeds.length]
    const other = seeds[(i * 7 + 3) % seeds.length]
    const round = Math.floor(i / seeds.length)
    const district = DISTRICTS[round % DISTRICTS.length]
    const extra = sentences(other.body)[round % Math.max(1, sentences(other.body).length)] ?? ''
    out.push({
      ...base,
      code: `KB-${String(i + 1).padStart(6, '0')}`,
      title: round ? `${base.title}（${district}${round}）` : base.title,
      body: `${base.body}\n${extra}`,
      districts: round ? [district] : base.districts,
    })
  }
  return out
}

/** A fixed mix of the kinds of questions agents type: keywords, speech, typos, pinyin, traditional. */
export const BENCH_QUERIES = [
  '身份证丢了咋办',
  '公积金提取',
  '租房提取公积金',
  '医保报销要带什么',
  '失业金怎么领',
  '社保转移',
  '开公司流程',
  '个体户执照',
  '二手房过户',
  '结婚登记',
  '低保申请条件',
  '老年卡怎么办',
  '停水',
  '燃气泄漏',
  '暖气不热',
  '驾照到期换证',
  'shebao',
  '身份證過期',
  '公积全贷款',
  '孩子上小学要准备什么材料',
  '我妈六十五了坐公交要钱吗',
  '明天天气怎么样',
]
