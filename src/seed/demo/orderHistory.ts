/**
 * Past consultations of the demo city, answered and closed with the category the agent confirmed:
 * the history the intake category model learns from, so that a fresh demo suggests categories at the
 * console as a hotline with a few months of orders would. Dated 35–80 days back, outside the reports'
 * last 30 days.
 */
export const DEMO_ORDER_HISTORY: { category: string; title: string; content: string }[] = [
  { category: '住房公积金/提取', title: '咨询公积金提取', content: '租房能不能提取住房公积金，需要带什么材料' },
  { category: '住房公积金/提取', title: '公积金提取到账时间', content: '网上申请提取公积金以后多久能到账' },
  { category: '住房公积金/提取', title: '离职提取公积金', content: '辞职了公积金账户里的钱怎么取出来' },
  { category: '社会保障/养老保险', title: '养老保险缴费年限', content: '养老保险要交满多少年才能领养老金' },
  { category: '社会保障/养老保险', title: '灵活就业养老保险', content: '灵活就业人员怎么自己交养老保险，每月交多少' },
  { category: '社会保障/养老保险', title: '养老金领取手续', content: '快到退休年龄了，领取养老金要办什么手续' },
  { category: '户籍证件/身份证', title: '身份证到期换领', content: '身份证快过期了在哪里换新的，要多久' },
  { category: '户籍证件/身份证', title: '异地补办身份证', content: '外地户口在本市能不能补办身份证' },
  { category: '户籍证件/身份证', title: '临时身份证办理', content: '身份证丢了急着坐高铁，临时身份证怎么办' },
  { category: '城市管理/市容环境', title: '小区门口垃圾堆放', content: '小区门口垃圾堆了好几天没人清运，气味很大' },
  { category: '城市管理/市容环境', title: '人行道广告牌破损', content: '人行道上的广告牌破了一半，刮风怕掉下来砸人' },
  { category: '城市管理/市容环境', title: '夜间施工噪音', content: '工地晚上十一点还在施工，噪音吵得睡不着' },
  { category: '水电气暖/供水', title: '停水咨询', content: '我们小区今天一直停水，什么时候恢复供水' },
  { category: '水电气暖/供水', title: '自来水发黄', content: '家里自来水放出来发黄有异味，能不能来检测' },
  { category: '水电气暖/供水', title: '水表过户', content: '买了二手房，水表户名怎么过户' },
  { category: '交通出行/停车', title: '路边停车收费', content: '路边停车位怎么收费，晚上停车要不要钱' },
  { category: '交通出行/停车', title: '小区周边乱停车', content: '小区周边道路乱停车堵住消防通道，没人管' },
  { category: '交通出行/停车', title: '公共停车场位置', content: '医院附近有没有公共停车场，停车位紧张' },
  { category: '医疗保障/报销', title: '门诊费用报销', content: '普通门诊看病花的钱医保能报销多少' },
  { category: '医疗保障/报销', title: '住院报销材料', content: '住院出院以后医保报销要准备哪些材料' },
  { category: '医疗保障/报销', title: '药店买药能否用医保', content: '在药店买药能不能刷医保卡，报销比例多少' },
  { category: '教育/入学', title: '小学入学报名', content: '孩子明年上小学，入学报名什么时候开始，要哪些材料' },
  { category: '教育/入学', title: '随迁子女入学', content: '外地户口的孩子在本市上学需要什么条件' },
  { category: '教育/入学', title: '学区划分查询', content: '我家小区对口哪所小学，学区划分在哪里查' },
]
