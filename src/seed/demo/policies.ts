/** Demo policies (政策文件), enterprise policies among them. */
import type { DemoEntry } from './types'

type PolicySpec = {
  title: string
  unit: string
  category: string
  summary: string
  documentNumber: string
  level: 'national' | 'provincial' | 'city' | 'district'
  target: 'enterprise' | 'individual' | 'both'
  keyPoints: string[]
  tags: string[]
  validFromDays: number
  validUntilDays?: number
}

const policy = (p: PolicySpec): DemoEntry => ({
  type: 'policy',
  unit: p.unit,
  category: p.category,
  title: p.title,
  summary: p.summary,
  body: [p.summary, ...p.keyPoints.map((k, i) => `${i + 1}. ${k}`)].join('\n'),
  fields: { level: p.level, target: p.target, keyPoints: p.keyPoints },
  source: { documentNumber: p.documentNumber, issuingBody: p.unit },
  tags: p.tags,
  validFromDays: p.validFromDays,
  validUntilDays: p.validUntilDays,
})

const RS = '江临市人力资源和社会保障局'
const SCJG = '江临市市场监督管理局'

export const DEMO_POLICIES: DemoEntry[] = [
  policy({ title: '江临市高校毕业生就业补贴政策（2026年版）', unit: RS, category: '就业创业/就业服务', summary: '对离校两年内在本市就业并参保的高校毕业生给予一次性就业补贴和租房补贴。', documentNumber: '江人社规〔2026〕3号', level: 'city', target: 'individual', keyPoints: ['一次性就业补贴：本科5000元、硕士10000元、博士20000元', '租房补贴：每月800元，最长36个月', '须在本市连续缴纳社保满6个月'], tags: ['毕业生补贴', '人才补贴', '租房补贴'], validFromDays: -200, validUntilDays: 500 }),
  policy({ title: '江临市高校毕业生就业补贴政策（2024年版，已废止）', unit: RS, category: '就业创业/就业服务', summary: '2024年版毕业生就业补贴政策，已由2026年版替代。', documentNumber: '江人社规〔2024〕5号', level: 'city', target: 'individual', keyPoints: ['一次性就业补贴：本科3000元、硕士6000元', '租房补贴每月600元，最长24个月'], tags: ['毕业生补贴', '旧政策'], validFromDays: -900, validUntilDays: -201 }),
  policy({ title: '创业担保贷款及贴息政策', unit: RS, category: '就业创业/创业扶持', summary: '符合条件的个人创业可申请最高30万元、小微企业最高400万元的创业担保贷款，并享受财政贴息。', documentNumber: '江人社发〔2025〕18号', level: 'city', target: 'both', keyPoints: ['个人最高30万元，合伙创业最高110万元', '小微企业最高400万元', '贷款期限最长3年，财政按规定贴息'], tags: ['创业贷款', '贴息', '小微企业'], validFromDays: -300, validUntilDays: 400 }),
  policy({ title: '一次性创业补贴', unit: RS, category: '就业创业/创业扶持', summary: '首次创办小微企业或个体工商户并正常经营6个月以上的重点群体，可申请一次性创业补贴5000元。', documentNumber: '江人社发〔2025〕19号', level: 'city', target: 'individual', keyPoints: ['补贴标准5000元', '对象为高校毕业生、退役军人、就业困难人员等', '正常经营满6个月并缴纳社保'], tags: ['创业补贴', '自主创业'], validFromDays: -300, validUntilDays: 20 }),
  policy({ title: '职业技能提升补贴', unit: RS, category: '就业创业/职业培训', summary: '参保职工取得职业资格证书或职业技能等级证书的，可申请技能提升补贴。', documentNumber: '江人社规〔2025〕7号', level: 'city', target: 'individual', keyPoints: ['初级1000元、中级1500元、高级2000元', '须参加失业保险满1年', '每人每年最多享受3次'], tags: ['技能补贴', '考证补贴', '职业培训'], validFromDays: -400, validUntilDays: 330 }),
  policy({ title: '小微企业吸纳就业社保补贴', unit: RS, category: '企业服务/涉企政策', summary: '小微企业招用高校毕业生并缴纳社保的，按单位实际缴纳的社会保险费给予补贴。', documentNumber: '江人社发〔2025〕22号', level: 'city', target: 'enterprise', keyPoints: ['补贴期限最长1年', '招用离校2年内高校毕业生', '签订1年以上劳动合同'], tags: ['社保补贴', '小微企业', '稳岗'], validFromDays: -250, validUntilDays: 115 }),
  policy({ title: '失业保险稳岗返还', unit: RS, category: '企业服务/涉企政策', summary: '上年度未裁员或裁员率低于规定标准的参保企业，可获得失业保险稳岗返还，免申即享。', documentNumber: '江人社发〔2026〕6号', level: 'city', target: 'enterprise', keyPoints: ['大型企业按上年实际缴纳失业保险费的30%返还', '中小微企业按60%返还', '符合条件企业免申即享，资金直接拨付'], tags: ['稳岗返还', '稳岗补贴', '失业保险'], validFromDays: -120, validUntilDays: 240 }),
  policy({ title: '江临市个体工商户纾困扶持措施', unit: SCJG, category: '企业服务/涉企政策', summary: '对个体工商户实施房租减免、融资支持、登记便利等扶持措施。', documentNumber: '江市监发〔2026〕2号', level: 'city', target: 'enterprise', keyPoints: ['承租国有房屋的减免3个月租金', '个体户经营贷款担保费率降至1%以下', '变更登记全程网办'], tags: ['个体户扶持', '房租减免', '纾困'], validFromDays: -100, validUntilDays: 12 }),
  policy({ title: '企业研发费用加计扣除政策', unit: '国家税务总局江临市税务局', category: '税务/纳税申报', summary: '企业开展研发活动发生的研发费用，可按实际发生额的100%在税前加计扣除。', documentNumber: '财政部 税务总局公告2023年第7号', level: 'national', target: 'enterprise', keyPoints: ['未形成无形资产的，按实际发生额100%加计扣除', '形成无形资产的，按成本200%摊销', '可在预缴申报时享受'], tags: ['加计扣除', '研发费用', '企业所得税'], validFromDays: -700 }),
  policy({ title: '小规模纳税人增值税减免政策', unit: '国家税务总局江临市税务局', category: '税务/纳税申报', summary: '月销售额10万元以下的增值税小规模纳税人免征增值税。', documentNumber: '财政部 税务总局公告2023年第19号', level: 'national', target: 'enterprise', keyPoints: ['月销售额不超过10万元免征增值税', '适用3%征收率的减按1%征收', '执行至2027年12月31日'], tags: ['小规模纳税人', '免税', '增值税'], validFromDays: -700, validUntilDays: 400 }),
  policy({ title: '江临市城乡居民医疗保险缴费标准（2026年度）', unit: '江临市医疗保障局', category: '医疗保障/参保缴费', summary: '2026年度城乡居民医保个人缴费标准为每人每年400元，财政补助不低于每人每年670元。', documentNumber: '江医保发〔2025〕11号', level: 'city', target: 'individual', keyPoints: ['个人缴费每人每年400元', '低保对象、特困人员等由财政全额资助', '集中缴费期为上年9月1日至12月31日'], tags: ['医保缴费标准', '居民医保多少钱'], validFromDays: -330, validUntilDays: 35 }),
  policy({ title: '江临市城乡居民医疗保险缴费标准（2025年度）', unit: '江临市医疗保障局', category: '医疗保障/参保缴费', summary: '2025年度城乡居民医保个人缴费标准为每人每年380元。', documentNumber: '江医保发〔2024〕9号', level: 'city', target: 'individual', keyPoints: ['个人缴费每人每年380元'], tags: ['医保缴费标准', '旧标准'], validFromDays: -700, validUntilDays: -331 }),
  policy({ title: '住房公积金贷款最高额度调整', unit: '江临市住房公积金管理中心', category: '住房公积金/贷款', summary: '首套住房公积金贷款最高额度调整为单人50万元、双人60万元，多子女家庭上浮20%。', documentNumber: '江公积金发〔2026〕1号', level: 'city', target: 'individual', keyPoints: ['单人缴存最高50万元，双人最高60万元', '二孩及以上家庭额度上浮20%', '首付比例不低于20%'], tags: ['公积金贷款额度', '多子女', '首付'], validFromDays: -150, validUntilDays: 580 }),
  policy({ title: '高龄老人津贴发放标准', unit: '江临市民政局', category: '社会救助与养老/养老服务', summary: '本市户籍80周岁以上老年人按年龄段享受高龄津贴，按月发放到社保卡。', documentNumber: '江民发〔2025〕14号', level: 'city', target: 'individual', keyPoints: ['80-89周岁每人每月100元', '90-99周岁每人每月300元', '100周岁以上每人每月800元'], tags: ['高龄津贴', '老人补贴'], validFromDays: -400, validUntilDays: 330 }),
  policy({ title: '江临市生活垃圾分类管理办法', unit: '江临市城市管理局', category: '城市管理/垃圾分类', summary: '生活垃圾分为可回收物、有害垃圾、厨余垃圾和其他垃圾四类，违规投放的个人可处以罚款。', documentNumber: '江临市人民政府令第12号', level: 'city', target: 'both', keyPoints: ['个人违规投放经劝阻拒不改正的，处50元以上200元以下罚款', '单位违规的处5000元以上5万元以下罚款', '大件垃圾需预约清运'], tags: ['垃圾分类', '罚款', '大件垃圾'], validFromDays: -600 }),
]
