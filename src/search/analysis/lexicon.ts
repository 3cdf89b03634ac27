/**
 * The general hotline lexicon this project ships and seeds the CMS with: vocabulary jieba
 * should keep whole, conversational fillers, and the words callers use mapped to the official terms
 * that knowledge entries are written in.
 */

/** Hotline vocabulary kept as single words by the segmenter. */
export const HOTLINE_WORDS: readonly string[] = [
  '公积金', '住房公积金', '社保卡', '医保卡', '身份证', '居住证', '户口簿', '户口本', '营业执照', '个体工商户',
  '驾驶证', '行驶证', '不动产权证', '房产证', '出生医学证明', '结婚证', '离婚证', '残疾人证', '老年证',
  '低保', '特困', '失业金', '失业保险金', '养老金', '退休金', '高龄津贴', '育儿补贴', '生育津贴',
  '异地就医', '慢特病', '门诊慢特病', '医保电子凭证', '个税', '汇算', '加计扣除', '稳岗返还',
  '二手房', '过户', '转移登记', '抵押登记', '维修基金', '物业费', '暖气费', '供暖费', '燃气费', '水费', '电费',
  '12345', '12315', '12366', '12333', '12329', '95598',
]

/** Words that carry no search meaning in a caller's question. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  '的', '了', '吗', '呢', '吧', '啊', '呀', '哦', '嘛', '么', '是', '在', '我', '你', '他', '她', '我们', '你们',
  '咋', '咋办', '啥', '怎么', '怎么办', '怎样', '怎么样', '如何', '什么', '请问', '问一下', '问问', '想问',
  '一下', '能不能', '能否', '可以', '可不可以', '有没有', '是不是', '要不要', '需不需要', '还', '还是', '就',
  '都', '也', '又', '和', '与', '或', '及', '跟', '给', '把', '被', '让', '这', '那', '这个', '那个', '这边', '那边',
  '现在', '然后', '因为', '所以', '如果', '但是', '不过', '应该', '必须', '一个', '哪些', '哪个', '吧', '呗',
  '您好', '你好', '谢谢', '麻烦', '帮忙', '帮我', '一',
])

/**
 * Caller words → official terms (one-way): a query for the key may also match the terms, which
 * count less than the caller's own words.
 */
export const COLLOQUIAL: Readonly<Record<string, readonly string[]>> = {
  丢了: ['丢失', '遗失', '补领', '挂失'],
  丢: ['丢失', '遗失', '补领'],
  掉了: ['丢失', '遗失', '补领'],
  坏了: ['损坏', '换领', '报修'],
  过期: ['到期', '换领', '有效期'],
  到期: ['换领', '有效期满'],
  补办: ['补领', '补办'],
  换: ['换领', '换发'],
  取出来: ['提取'],
  取: ['提取'],
  交: ['缴纳', '缴存', '缴费'],
  交钱: ['缴费', '缴纳'],
  上户口: ['出生登记', '户口登记', '落户'],
  报户口: ['出生登记', '户口登记', '落户'],
  落户: ['户口迁入', '户籍登记'],
  开公司: ['企业开办', '设立登记'],
  注册公司: ['企业开办', '设立登记'],
  开店: ['个体工商户', '设立登记'],
  不开了: ['注销'],
  关门: ['注销', '停业'],
  退税: ['汇算', '退税'],
  看病: ['就医', '医疗'],
  住院: ['住院', '医疗费用'],
  孩子: ['儿童', '子女', '学生'],
  小孩: ['儿童', '子女'],
  宝宝: ['新生儿', '婴儿', '儿童'],
  上学: ['入学', '就读'],
  上小学: ['小学', '入学'],
  老人: ['老年人', '高龄'],
  岁: ['周岁'],
  去世: ['死亡', '身故', '继承'],
  过世: ['死亡', '身故', '继承'],
  死了: ['死亡', '身故'],
  辞职: ['离职', '解除劳动合同'],
  不干了: ['离职', '解除劳动合同'],
  被辞退: ['解除劳动合同', '失业'],
  工资: ['劳动报酬', '工资'],
  欠薪: ['拖欠工资', '劳动报酬'],
  领证: ['结婚登记', '婚姻登记'],
  房租: ['租房', '租赁'],
  买房: ['购房', '购买住房'],
  贷款: ['贷款', '借款'],
  多少钱: ['收费', '费用', '标准', '金额'],
  补贴: ['补贴', '补助', '津贴'],
  钱: ['费用', '金额'],
  太吵: ['噪声', '噪音'],
  吵: ['噪声', '噪音', '扰民'],
  地址: ['地址', '办公地点'],
  电话: ['咨询电话', '电话'],
  网上: ['网上办理', '线上'],
}

/** The colloquial terms as one-way synonym rules, the form kb-admins keep them in. */
export const COLLOQUIAL_RULES: readonly { root: string; synonyms: string[] }[] = Object.entries(COLLOQUIAL).map(([root, synonyms]) => ({
  root,
  synonyms: [...synonyms],
}))

/** Cues in a question that say which part of an entry the caller wants. */
export const INTENT_CUES: readonly { cues: readonly string[]; types?: readonly string[]; fields: readonly string[] }[] = [
  { cues: ['多少钱', '收费', '费用', '要钱', '收不收费', '免费'], fields: ['fee'] },
  { cues: ['在哪', '在哪里', '哪里办', '地址', '地点', '怎么走', '几点上班', '上班时间', '办公时间'], types: ['location'], fields: ['address', 'hours'] },
  { cues: ['带什么', '要带', '材料', '准备啥', '准备什么', '需要什么'], types: ['guide'], fields: ['materials'] },
  { cues: ['多久', '多长时间', '几天', '时限', '什么时候能'], types: ['guide'], fields: ['timeLimit'] },
  { cues: ['流程', '步骤', '怎么办理', '程序'], types: ['guide'], fields: ['steps'] },
  { cues: ['电话', '号码', '热线'], fields: ['phone'] },
]
