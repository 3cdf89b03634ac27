/** Demo service procedures (办事指南). */
import { L } from './locations'
import type { DemoEntry } from './types'

type GuideSpec = {
  title: string
  unit: string
  category: string
  summary: string
  conditions: string
  materials: string[]
  steps?: string[]
  timeLimit: string
  fee?: string
  phone: string
  online?: string
  locations: string[]
  basis: string
  tags: string[]
  validUntilDays?: number
}

const DEFAULT_STEPS = ['通过“江临办”APP、江临市政务服务网或窗口提交申请', '窗口受理并审核材料', '审核通过后办结，结果通过短信告知']
const ONLINE = '江临市政务服务网、“江临办”APP'

const guide = (g: GuideSpec): DemoEntry => {
  const steps = g.steps ?? DEFAULT_STEPS
  return {
    type: 'guide',
    unit: g.unit,
    category: g.category,
    title: g.title,
    summary: g.summary,
    body: [
      g.summary,
      `办理条件：${g.conditions}`,
      `申请材料：${g.materials.join('；')}。`,
      `办理流程：${steps.map((s, i) => `${i + 1}. ${s}`).join(' ')}`,
      `办理时限：${g.timeLimit}；收费：${g.fee ?? '不收费'}；咨询电话：${g.phone}。`,
    ].join('\n'),
    fields: {
      basis: g.basis,
      conditions: g.conditions,
      materials: g.materials,
      steps,
      timeLimit: g.timeLimit,
      fee: g.fee ?? '不收费',
      phone: g.phone,
      online: g.online ?? ONLINE,
      locationIds: g.locations,
    },
    tags: g.tags,
    validUntilDays: g.validUntilDays,
  }
}

const GA = '江临市公安局'
const RS = '江临市人力资源和社会保障局'
const YB = '江临市医疗保障局'
const GJJ = '江临市住房公积金管理中心'
const SCJG = '江临市市场监督管理局'
const SW = '国家税务总局江临市税务局'
const BDC = '江临市不动产登记中心'
const JY = '江临市教育局'
const MZ = '江临市民政局'
const WJW = '江临市卫生健康委员会'
const SF = '江临市司法局'

export const DEMO_GUIDES: DemoEntry[] = [
  guide({ title: '居民身份证首次申领', unit: GA, category: '户籍证件/身份证', summary: '本市户籍居民年满16周岁或未满16周岁自愿申领的，可在户籍所在地派出所或市民中心公安窗口首次申领居民身份证。', conditions: '具有本市常住户口的公民', materials: ['居民户口簿', '未满16周岁的由监护人陪同并提供监护人身份证', '符合标准的数字相片（可现场免费拍摄）'], steps: ['到窗口提交户口簿', '现场采集相片和指纹', '缴费后领取回执', '按回执日期领取或邮寄到家'], timeLimit: '20个工作日', fee: '20元', phone: '0000-8610110', locations: [L.cityHall], basis: '《中华人民共和国居民身份证法》', tags: ['身份证', '首次办证', '办身份证'] }),
  guide({ title: '居民身份证到期换领', unit: GA, category: '户籍证件/身份证', summary: '身份证有效期满前三个月内或已过期的，可在全国任一公安户政窗口换领，本市户籍可网上预约。', conditions: '身份证有效期将满或已过期', materials: ['原居民身份证', '符合标准的数字相片（可现场免费拍摄）'], steps: ['网上预约或直接到窗口', '交回原证并采集相片、指纹', '缴费后领取回执', '按回执日期领取或邮寄'], timeLimit: '20个工作日', fee: '20元', phone: '0000-8610110', locations: [L.cityHall, L.jiangbeiHall, L.jiangnanHall], basis: '《中华人民共和国居民身份证法》', tags: ['身份证换证', '身份证过期', '换身份证'] }),
  guide({ title: '居民身份证挂失补领', unit: GA, category: '户籍证件/身份证', summary: '身份证丢失的应及时挂失，并可在全国任一公安户政窗口补领；急需用证可同时申请临时身份证。', conditions: '居民身份证丢失或损坏', materials: ['居民户口簿或其他身份证明', '符合标准的数字相片（可现场免费拍摄）'], steps: ['拨打0000-8610110或到窗口挂失', '到窗口申请补领并采集相片', '缴费后领取回执', '按回执日期领取或邮寄'], timeLimit: '20个工作日；临时身份证当场办结', fee: '补领20元，临时身份证10元', phone: '0000-8610110', locations: [L.cityHall, L.jiangbeiHall], basis: '《中华人民共和国居民身份证法》', tags: ['身份证丢了', '补办身份证', '临时身份证', '挂失'] }),
  guide({ title: '居住证申领', unit: GA, category: '户籍证件/居住证', summary: '在本市居住半年以上、有合法稳定就业、住所或连续就读条件之一的非本市户籍人员，可申领江临市居住证。', conditions: '居住登记满半年，且有合法稳定就业、合法稳定住所或连续就读之一', materials: ['居民身份证', '合法稳定住所证明（房产证或租赁合同）', '就业证明或就读证明（之一）'], timeLimit: '15个工作日', phone: '0000-8610110', locations: [L.binjiangStreet, L.jiangbeiHall, L.jiangnanHall], basis: '《居住证暂行条例》', tags: ['居住证', '外地人', '暂住证'] }),
  guide({ title: '户口迁入（投靠亲属）', unit: GA, category: '户籍证件/户口', summary: '符合夫妻投靠、子女投靠父母、父母投靠子女条件的，可申请将户口迁入本市。', conditions: '夫妻一方为本市户籍且结婚满一年；或未成年子女投靠父母；或达到退休年龄的父母投靠本市户籍子女', materials: ['申请人及被投靠人身份证、户口簿', '结婚证或出生医学证明等亲属关系证明', '本市合法住所证明'], timeLimit: '10个工作日', phone: '0000-8610110', locations: [L.cityHall], basis: '《中华人民共和国户口登记条例》', tags: ['户口迁移', '投靠', '落户'] }),
  guide({ title: '新生儿出生登记（报户口）', unit: GA, category: '户籍证件/户口', summary: '新生儿出生后一个月内，由父母一方持出生医学证明到户籍所在地派出所或网上办理出生登记。', conditions: '父母一方为本市户籍', materials: ['出生医学证明', '父母双方身份证和户口簿', '父母结婚证'], steps: ['“江临办”APP提交或到派出所窗口', '民警审核材料', '当场或3个工作日内办结'], timeLimit: '当场办结（材料齐全）', phone: '0000-8610110', locations: [L.cityHall], basis: '《中华人民共和国户口登记条例》', tags: ['新生儿落户', '报户口', '上户口', '出生登记'] }),
  guide({ title: '普通护照申领', unit: GA, category: '户籍证件/出入境', summary: '中国公民可在全国任一出入境窗口申请普通护照，可申请邮寄送证。', conditions: '中国公民，未被限制出境', materials: ['居民身份证', '未满16周岁的提供户口簿和监护人身份证', '现场采集相片和指纹'], timeLimit: '7个工作日', fee: '120元', phone: '0000-8610110', locations: [L.exitEntry], basis: '《中华人民共和国护照法》', tags: ['护照', '办护照', '出国'] }),
  guide({ title: '往来港澳通行证及签注', unit: GA, category: '户籍证件/出入境', summary: '内地居民前往香港、澳门旅游、探亲等，须办理往来港澳通行证及相应签注，电子通行证可自助机签注。', conditions: '内地居民', materials: ['居民身份证', '探亲签注需提供亲属关系证明'], timeLimit: '7个工作日；自助签注即时办结', fee: '通行证60元，签注每次15元', phone: '0000-8610110', locations: [L.exitEntry], basis: '《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》', tags: ['港澳通行证', '签注', '去香港'] }),
  guide({ title: '城镇职工基本养老保险参保登记', unit: RS, category: '社会保障/养老保险', summary: '用人单位应为职工办理养老保险参保登记；灵活就业人员可以个人身份参保。', conditions: '本市用人单位职工，或在本市灵活就业的人员', materials: ['身份证', '单位参保需劳动合同或用工证明', '灵活就业人员需填写参保登记表'], timeLimit: '即时办结', phone: '0000-8612333', locations: [L.socialSecurity], basis: '《中华人民共和国社会保险法》', tags: ['社保参保', '灵活就业', '交社保'] }),
  guide({ title: '退休（职工养老保险待遇）申领', unit: RS, category: '社会保障/养老保险', summary: '达到法定退休年龄且累计缴费满最低年限的参保人员，可申领按月领取的基本养老金。', conditions: '达到法定退休年龄，累计缴费满最低缴费年限', materials: ['身份证', '社会保障卡', '个人档案（单位参保由单位提供）'], steps: ['单位或本人提前一个月提交申请', '审核档案与缴费年限', '核定待遇并于次月起发放'], timeLimit: '15个工作日', phone: '0000-8612333', locations: [L.socialSecurity], basis: '《中华人民共和国社会保险法》', tags: ['退休', '养老金', '退休手续'] }),
  guide({ title: '养老保险关系转移接续', unit: RS, category: '社会保障/养老保险', summary: '跨省或跨统筹区就业的参保人员，可通过国家社会保险公共服务平台或窗口申请转移养老保险关系。', conditions: '在新参保地已参保缴费', materials: ['身份证', '参保缴费凭证（原参保地出具或线上获取）'], timeLimit: '15个工作日（跨省以转出地办理时间为准）', phone: '0000-8612333', locations: [L.socialSecurity], basis: '《城镇企业职工基本养老保险关系转移接续暂行办法》', tags: ['社保转移', '养老保险转移', '换城市工作'] }),
  guide({ title: '失业保险金申领', unit: RS, category: '社会保障/失业保险', summary: '非因本人意愿中断就业、缴纳失业保险满一年并已办理失业登记的人员，可申领失业保险金。', conditions: '失业前缴费满1年；非因本人意愿中断就业；已办理失业登记并有求职要求', materials: ['身份证', '社会保障卡', '解除或终止劳动合同证明'], timeLimit: '5个工作日', phone: '0000-8612333', online: '江临市政务服务网、“江临办”APP、国家社会保险公共服务平台', locations: [L.socialSecurity, L.jiangbeiHall, L.jiangnanHall], basis: '《失业保险条例》', tags: ['失业金', '失业保险金', '被辞退'] }),
  guide({ title: '社会保障卡申领与补换', unit: RS, category: '社会保障/社保卡', summary: '参保人员可申领社会保障卡；卡片丢失应先挂失再补办，损坏或信息变更可换卡。', conditions: '在本市参加社会保险的人员', materials: ['身份证', '近期免冠照片（可现场拍摄）'], timeLimit: '即时制卡网点当场领卡，其余10个工作日', fee: '首次申领免费，补换卡工本费20元', phone: '0000-8612333', locations: [L.socialSecurity, L.cityHall], basis: '《社会保障卡管理办法》', tags: ['社保卡', '社保卡丢了', '补办社保卡'] }),
  guide({ title: '工伤认定申请', unit: RS, category: '社会保障/工伤保险', summary: '职工发生事故伤害或被诊断为职业病，单位应在30日内、个人或近亲属在1年内提出工伤认定申请。', conditions: '职工在工作时间和工作场所内因工作原因受到伤害等法定情形', materials: ['工伤认定申请表', '劳动关系证明', '医疗诊断证明', '事故经过说明及证人证言'], timeLimit: '受理后60日内作出认定', phone: '0000-8612333', locations: [L.socialSecurity], basis: '《工伤保险条例》', tags: ['工伤', '工伤认定', '上班受伤'] }),
  guide({ title: '城乡居民医疗保险参保缴费', unit: YB, category: '医疗保障/参保缴费', summary: '未参加职工医保的本市户籍居民和持居住证人员，可在每年集中缴费期参加城乡居民医保，新生儿可随时参保。', conditions: '未参加职工医保的本市户籍居民、持本市居住证人员及在校学生', materials: ['身份证或户口簿', '居住证（非本市户籍）'], steps: ['“江临办”APP或税务缴费渠道缴费', '缴费成功后次年1月1日起享受待遇'], timeLimit: '即时办结', fee: '按当年个人缴费标准缴纳', phone: '0000-8610160', locations: [L.medicalInsurance], basis: '《中华人民共和国社会保险法》', tags: ['居民医保', '医保缴费', '新农合'] }),
  guide({ title: '异地就医备案', unit: YB, category: '医疗保障/异地就医', summary: '异地长期居住、临时外出就医的参保人员，办理备案后可在就医地定点医院直接结算。', conditions: '本市参保人员，异地长期居住、异地工作或临时外出就医', materials: ['身份证或医保电子凭证', '长期居住需填写个人承诺书'], steps: ['国家医保服务平台APP或“江临办”APP申请', '即时备案成功', '就医时出示医保电子凭证直接结算'], timeLimit: '即时办结', phone: '0000-8610160', online: '国家医保服务平台APP、“江临办”APP', locations: [L.medicalInsurance], basis: '《关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》', tags: ['异地就医', '外地看病', '医保备案'] }),
  guide({ title: '医疗费用零星报销', unit: YB, category: '医疗保障/报销', summary: '因急诊、未备案异地就医等未能直接结算的医疗费用，可在就医后6个月内申请零星报销。', conditions: '参保人员发生的符合规定但未直接结算的医疗费用', materials: ['身份证或医保电子凭证', '医疗费用发票', '费用明细清单', '出院小结或门诊病历'], timeLimit: '20个工作日', phone: '0000-8610160', locations: [L.medicalInsurance, L.jiangbeiHall], basis: '《江临市基本医疗保险办法》', tags: ['医保报销', '手工报销', '医疗费报销'] }),
  guide({ title: '门诊慢特病待遇认定', unit: YB, category: '医疗保障/报销', summary: '患有高血压、糖尿病等规定病种的参保人员，经认定后门诊费用可按慢特病政策报销。', conditions: '患有本市门诊慢特病目录内疾病', materials: ['身份证或医保电子凭证', '二级以上医院诊断证明及相关检查报告'], timeLimit: '15个工作日', phone: '0000-8610160', locations: [L.medicalInsurance], basis: '《江临市门诊慢特病管理办法》', tags: ['慢特病', '慢性病', '门诊报销'] }),
  guide({ title: '购买自住住房提取住房公积金', unit: GJJ, category: '住房公积金/提取', summary: '在本市购买自住住房的缴存职工及配偶，可在购房后两年内提取住房公积金。', conditions: '购买本市自住住房，提取额不超过购房款', materials: ['身份证', '购房合同及购房发票或不动产权证书', '本人银行卡'], timeLimit: '3个工作日', phone: '0000-8612329', locations: [L.housingFund, L.cityHall], basis: '《住房公积金管理条例》', tags: ['公积金提取', '买房提公积金', '购房提取'] }),
  guide({ title: '租房提取住房公积金', unit: GJJ, category: '住房公积金/提取', summary: '本市无自有住房且租房居住的缴存职工，可按月或按年提取住房公积金支付房租。', conditions: '本人及配偶在本市无自有住房', materials: ['身份证', '本人银行卡', '无房承诺（线上签署）'], steps: ['“江临办”APP提交提取申请', '系统核验无房信息', '审核通过后资金转入银行卡'], timeLimit: '即时办结', phone: '0000-8612329', locations: [L.housingFund], basis: '《住房公积金管理条例》', tags: ['租房提取', '公积金付房租'] }),
  guide({ title: '离职后提取住房公积金', unit: GJJ, category: '住房公积金/提取', summary: '与单位终止劳动关系、住房公积金账户封存满半年且未重新就业的外地户籍职工，可销户提取。', conditions: '非本市户籍，离职后账户封存满6个月且未在异地继续缴存', materials: ['身份证', '本人银行卡', '离职证明'], timeLimit: '3个工作日', phone: '0000-8612329', locations: [L.housingFund], basis: '《住房公积金管理条例》', tags: ['离职提取', '辞职取公积金', '销户提取'] }),
  guide({ title: '住房公积金个人住房贷款', unit: GJJ, category: '住房公积金/贷款', summary: '连续足额缴存住房公积金满6个月的职工，购买本市自住住房可申请公积金贷款，首套最高可贷60万元。', conditions: '连续足额缴存满6个月，无未还清的公积金贷款', materials: ['借款人及配偶身份证、户口簿、婚姻证明', '购房合同及首付款凭证', '收入证明'], steps: ['向贷款受托银行提交申请', '公积金中心审批', '签订借款合同并办理抵押', '银行放款'], timeLimit: '15个工作日', phone: '0000-8612329', locations: [L.housingFund], basis: '《住房公积金管理条例》', tags: ['公积金贷款', '买房贷款', '组合贷'] }),
  guide({ title: '住房公积金异地转移接续', unit: GJJ, category: '住房公积金/缴存', summary: '职工跨城市就业的，在新单位建立公积金账户后，可通过全国住房公积金小程序申请转入。', conditions: '已在转入地设立个人账户，原账户已封存', materials: ['身份证'], steps: ['全国住房公积金小程序提交转移申请', '转出地审核并划转资金', '转入地入账'], timeLimit: '15个工作日', phone: '0000-8612329', online: '全国住房公积金小程序', locations: [L.housingFund], basis: '《全国住房公积金异地转移接续业务操作规程》', tags: ['公积金转移', '换城市公积金'] }),
  guide({ title: '企业设立登记（企业开办一件事）', unit: SCJG, category: '企业服务/开办企业', summary: '通过“企业开办一件事”平台一次提交材料，可同时办理营业执照、公章刻制、发票申领、社保登记和银行开户预约。', conditions: '申请人符合法定条件，名称经自主申报', materials: ['公司章程', '法定代表人、股东身份证明', '住所使用证明'], steps: ['登录企业开办一件事平台填报', '电子签名', '审核通过后领取电子营业执照', '窗口或邮寄领取纸质执照和印章'], timeLimit: '1个工作日', phone: '0000-8612315', online: '江临市企业开办一件事平台', locations: [L.cityHall, L.gaoxinHall, L.xingangHall], basis: '《中华人民共和国市场主体登记管理条例》', tags: ['开公司', '注册公司', '营业执照', '企业开办'] }),
  guide({ title: '个体工商户设立登记', unit: SCJG, category: '企业服务/开办企业', summary: '经营者可通过“江临办”APP或区政务服务中心申请个体工商户营业执照，材料齐全当场办结。', conditions: '有经营能力的自然人', materials: ['经营者身份证', '经营场所使用证明'], timeLimit: '当场办结', phone: '0000-8612315', locations: [L.jiangbeiHall, L.jiangnanHall], basis: '《促进个体工商户发展条例》', tags: ['个体户', '开店', '营业执照'] }),
  guide({ title: '企业简易注销登记', unit: SCJG, category: '企业服务/变更注销', summary: '未发生债权债务或已清偿完毕的企业，经20天公示无异议后可申请简易注销。', conditions: '未开业或无债权债务，未被列入经营异常名录', materials: ['简易注销登记申请书', '全体投资人承诺书'], steps: ['在国家企业信用信息公示系统公示20天', '公示期满无异议后提交申请', '登记机关作出准予注销决定'], timeLimit: '公示期满后3个工作日', phone: '0000-8612315', locations: [L.cityHall], basis: '《中华人民共和国市场主体登记管理条例》', tags: ['公司注销', '简易注销', '关公司'] }),
  guide({ title: '个人所得税综合所得年度汇算', unit: SW, category: '税务/个人所得税', summary: '每年3月1日至6月30日，纳税人可通过个人所得税APP办理上一年度综合所得汇算，多退少补。', conditions: '取得综合所得且需要补税或申请退税的纳税人', materials: ['身份证', '收入及专项附加扣除信息（APP自动归集）', '本人银行卡（退税）'], timeLimit: '退税审核一般10个工作日', phone: '0000-8612366', online: '个人所得税APP', locations: [L.tax], basis: '《中华人民共和国个人所得税法》', tags: ['个税退税', '汇算清缴', '个税APP'] }),
  guide({ title: '增值税发票申领', unit: SW, category: '税务/发票', summary: '已办理税务登记的纳税人可通过电子税务局申领数电发票额度，或到办税服务厅领用纸质发票。', conditions: '已完成税务登记和实名认证的纳税人', materials: ['经办人身份证', '发票领用申请（电子税务局填报）'], timeLimit: '即时办结', phone: '0000-8612366', online: '江临市电子税务局', locations: [L.tax], basis: '《中华人民共和国发票管理办法》', tags: ['发票', '领发票', '数电发票'] }),
  guide({ title: '二手房转移登记（过户）', unit: BDC, category: '不动产登记/转移登记', summary: '二手房买卖双方可在不动产登记服务大厅“一窗受理”，同步完成纳税和转移登记。', conditions: '房屋已取得不动产权证书，无查封等限制', materials: ['买卖双方身份证', '不动产权证书', '房屋买卖合同', '婚姻状况证明'], steps: ['网上预约', '买卖双方到一窗受理窗口提交材料并缴税', '登记审核', '领取新不动产权证书'], timeLimit: '3个工作日', fee: '住宅登记费80元/件', phone: '0000-8610180', locations: [L.realEstate], basis: '《不动产登记暂行条例》', tags: ['过户', '二手房', '房产过户'] }),
  guide({ title: '不动产抵押登记', unit: BDC, category: '不动产登记/抵押登记', summary: '办理房屋抵押贷款的，由银行和抵押人共同申请抵押登记，多数银行可线上“不见面”办理。', conditions: '已取得不动产权证书，抵押合同已签订', materials: ['抵押人身份证', '不动产权证书', '主债权合同和抵押合同'], timeLimit: '1个工作日', fee: '住宅80元/件', phone: '0000-8610180', locations: [L.realEstate], basis: '《不动产登记暂行条例》', tags: ['抵押', '房贷抵押', '抵押登记'] }),
  guide({ title: '不动产登记资料查询', unit: BDC, category: '不动产登记/登记查询', summary: '权利人可查询本人名下不动产登记信息，可在“江临办”APP自助打印不动产登记证明。', conditions: '不动产权利人或其委托人', materials: ['身份证', '委托查询需提供授权委托书'], timeLimit: '即时办结', phone: '0000-8610180', locations: [L.realEstate, L.cityHall], basis: '《不动产登记资料查询暂行办法》', tags: ['房产查询', '无房证明', '有房证明'] }),
  guide({ title: '义务教育小学一年级入学报名', unit: JY, category: '教育/入学', summary: '年满6周岁的适龄儿童，由监护人在每年5月通过江临市义务教育入学平台按学区报名。', conditions: '当年8月31日前年满6周岁的适龄儿童', materials: ['户口簿', '房产证明或租赁备案证明', '非本市户籍另需居住证和社保缴纳证明'], steps: ['5月登录入学平台填报', '学校审核材料', '7月公布录取结果'], timeLimit: '按年度招生工作安排', phone: '0000-8610191', online: '江临市义务教育入学平台', locations: [L.cityHall], basis: '《中华人民共和国义务教育法》', tags: ['上小学', '入学报名', '学区'] }),
  guide({ title: '中小学生转学', unit: JY, category: '教育/学籍', summary: '因家庭搬迁等原因需要转学的学生，由监护人向转入学校提出申请，学籍系统办理转接。', conditions: '具有正式学籍，转入学校有学位', materials: ['户口簿或居住证', '转学申请表', '搬迁证明（如购房或租房证明）'], timeLimit: '10个工作日', phone: '0000-8610191', locations: [L.cityHall], basis: '《中小学生学籍管理办法》', tags: ['转学', '学籍'] }),
  guide({ title: '内地居民结婚登记', unit: MZ, category: '婚姻生育/结婚登记', summary: '男女双方可在全国任一婚姻登记机关办理结婚登记，建议提前在网上预约。', conditions: '男满22周岁、女满20周岁，双方自愿，均无配偶', materials: ['双方身份证', '双方近期半身免冠合影照片3张（可现场拍摄）'], steps: ['网上预约', '双方共同到场申请并签名', '当场颁发结婚证'], timeLimit: '当场办结', phone: '0000-8610190', locations: [L.marriage], basis: '《婚姻登记条例》', tags: ['结婚', '领证', '结婚证'] }),
  guide({ title: '最低生活保障申请', unit: MZ, category: '社会救助与养老/最低生活保障', summary: '家庭人均收入低于本市低保标准且财产符合规定的家庭，可向户籍或居住地街道（乡镇）申请低保。', conditions: '家庭人均月收入低于本市低保标准，家庭财产符合规定', materials: ['申请人身份证、户口簿', '家庭收入和财产情况说明', '授权核对家庭经济状况的承诺书'], steps: ['向街道（乡镇）提出申请', '入户调查和经济状况核对', '社区公示7天', '区民政局审批'], timeLimit: '30个工作日', phone: '0000-8610170', locations: [L.binjiangStreet], basis: '《社会救助暂行办法》', tags: ['低保', '困难家庭', '救助'] }),
  guide({ title: '老年人优待证办理', unit: MZ, category: '社会救助与养老/养老服务', summary: '年满60周岁的本市户籍和常住老年人可办理老年人优待证，享受公园、景区、公交等优待。', conditions: '年满60周岁', materials: ['身份证', '近期免冠照片（可现场拍摄）'], timeLimit: '当场办结', phone: '0000-8610170', locations: [L.binjiangStreet], basis: '《中华人民共和国老年人权益保障法》', tags: ['老年证', '老年人优待', '免费乘车'] }),
  guide({ title: '残疾人证办理', unit: MZ, category: '社会救助与养老/残疾人服务', summary: '符合残疾标准的本市户籍居民，经指定医院评定后可办理第二代残疾人证。', conditions: '本市户籍，经评定符合残疾标准', materials: ['身份证、户口簿', '近期免冠照片', '残疾评定表'], steps: ['向街道（乡镇）提出申请', '到指定医院评定', '区残联审核发证'], timeLimit: '20个工作日', phone: '0000-8610170', locations: [L.binjiangStreet], basis: '《中华人民共和国残疾人保障法》', tags: ['残疾证', '残疾人'] }),
  guide({ title: '儿童免疫规划疫苗接种建档', unit: WJW, category: '卫生健康/预防接种', summary: '新生儿出院后一个月内，监护人应携带预防接种证到居住地社区卫生服务中心建档，按程序免费接种。', conditions: '在本市居住的0-6岁儿童', materials: ['出生医学证明', '预防接种证'], timeLimit: '当场办结', phone: '0000-8610120', locations: [L.binjiangStreet], basis: '《中华人民共和国疫苗管理法》', tags: ['打疫苗', '预防接种', '疫苗本'] }),
  guide({ title: '法律援助申请', unit: SF, category: '法律服务/法律援助', summary: '经济困难或符合特定情形的公民，可向法律援助机构申请免费的法律咨询、代理和刑事辩护。', conditions: '经济困难，或追索劳动报酬、工伤赔偿等法定不受经济状况限制的情形', materials: ['身份证', '经济困难状况说明或承诺', '与案件有关的材料'], timeLimit: '7个工作日内作出决定', phone: '0000-8612348', locations: [L.legalAid], basis: '《中华人民共和国法律援助法》', tags: ['法律援助', '请律师', '免费律师'] }),
  guide({ title: '继承公证', unit: SF, category: '法律服务/公证', summary: '继承人可向被继承人生前住所地或主要遗产所在地的公证机构申请继承公证。', conditions: '全体法定继承人均同意办理', materials: ['被继承人死亡证明', '继承人身份证及亲属关系证明', '遗产权属证明'], timeLimit: '15个工作日（需核实的除外）', fee: '按公证收费标准', phone: '0000-8610188', locations: [L.notary], basis: '《中华人民共和国公证法》', tags: ['继承', '遗产', '公证'] }),
  guide({ title: '机动车驾驶证到期换证', unit: GA, category: '交通出行/机动车', summary: '驾驶证有效期满前90日内可申请换证，可通过“交管12123”APP网上办理并邮寄。', conditions: '驾驶证有效期满前90日内', materials: ['身份证', '驾驶证', '身体条件证明（线上可调取）'], timeLimit: '当场办结（窗口）；邮寄约5个工作日', fee: '10元', phone: '0000-8610122', online: '交管12123 APP', locations: [L.vehicle], basis: '《机动车驾驶证申领和使用规定》', tags: ['换驾照', '驾驶证过期', '驾照'] }),
  guide({ title: '用水过户', unit: '江临水务集团有限公司', category: '水电气暖/供水', summary: '房屋产权变更后，新业主可持产权证明办理用水户名变更，可线上办理。', conditions: '房屋产权已变更，原户水费已结清', materials: ['新产权人身份证', '不动产权证书或购房合同'], timeLimit: '当场办结', phone: '0000-8640100', online: '江临水务微信公众号', locations: [L.water], basis: '《城市供水条例》', tags: ['水表过户', '自来水过户'] }),
  guide({ title: '居民燃气开户', unit: '江临燃气有限公司', category: '水电气暖/燃气', summary: '新房入住需使用管道燃气的，可预约上门安检通气并办理开户。', conditions: '房屋已安装燃气管道和表具', materials: ['产权人身份证', '不动产权证书或购房合同'], steps: ['电话或公众号预约', '工作人员上门安检', '签订供用气合同并通气'], timeLimit: '预约后3个工作日内上门', phone: '0000-8640200', online: '江临燃气微信公众号', locations: [L.gas], basis: '《城镇燃气管理条例》', tags: ['燃气开户', '通气', '天然气'] }),
  guide({ title: '居民峰谷分时电价申请', unit: '国网江临供电公司', category: '水电气暖/供电', summary: '一户一表居民用户可申请执行峰谷分时电价，次月起生效。', conditions: '一户一表的居民用户', materials: ['户主身份证'], timeLimit: '即时办结，次抄表周期生效', phone: '95598', online: '网上国网APP', locations: [L.power], basis: '《江临市居民峰谷分时电价政策》', tags: ['峰谷电', '电费', '分时电价'] }),
]
