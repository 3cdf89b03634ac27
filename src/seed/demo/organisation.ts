/** Demo organisation of the fictional city 江临市: units, the catalog and one user of every role. */
export const CITY = '江临市'
export const DISTRICTS = ['江北区', '江南区', '临湖区', '新港区', '高新区']

type DemoUnit = {
  name: string
  code: string
  kind: string
  district?: string
  parent?: string
  liaison: [string, string]
}

export const DEMO_UNITS: DemoUnit[] = [
  { name: '江临市政务服务管理局', code: 'JL-ZWFW', kind: 'city-department', liaison: ['周晓岚', '0000-8610001'] },
  { name: '江临市公安局', code: 'JL-GA', kind: 'city-department', liaison: ['陈志远', '0000-8610002'] },
  { name: '江临市人力资源和社会保障局', code: 'JL-RS', kind: 'city-department', liaison: ['刘雅琴', '0000-8610003'] },
  { name: '江临市医疗保障局', code: 'JL-YB', kind: 'city-department', liaison: ['王建平', '0000-8610004'] },
  { name: '江临市住房公积金管理中心', code: 'JL-GJJ', kind: 'city-department', liaison: ['赵敏', '0000-8610005'] },
  { name: '江临市市场监督管理局', code: 'JL-SCJG', kind: 'city-department', liaison: ['孙立群', '0000-8610006'] },
  { name: '国家税务总局江临市税务局', code: 'JL-SW', kind: 'city-department', liaison: ['郑海燕', '0000-8610007'] },
  { name: '江临市不动产登记中心', code: 'JL-BDC', kind: 'city-department', liaison: ['何文杰', '0000-8610008'] },
  { name: '江临市教育局', code: 'JL-JY', kind: 'city-department', liaison: ['许丽华', '0000-8610009'] },
  { name: '江临市民政局', code: 'JL-MZ', kind: 'city-department', liaison: ['马国强', '0000-8610010'] },
  { name: '江临市卫生健康委员会', code: 'JL-WJW', kind: 'city-department', liaison: ['林静', '0000-8610011'] },
  { name: '江临市城市管理局', code: 'JL-CG', kind: 'city-department', liaison: ['高鹏', '0000-8610012'] },
  { name: '江临市交通运输局', code: 'JL-JT', kind: 'city-department', liaison: ['罗斌', '0000-8610013'] },
  { name: '江临市司法局', code: 'JL-SF', kind: 'city-department', liaison: ['邓婉清', '0000-8610014'] },
  {
    name: '江北区人民政府',
    code: 'JL-JBQ',
    kind: 'district-government',
    district: '江北区',
    liaison: ['黄子豪', '0000-8620001'],
  },
  {
    name: '江南区人民政府',
    code: 'JL-JNQ',
    kind: 'district-government',
    district: '江南区',
    liaison: ['吴思雨', '0000-8630001'],
  },
  {
    name: '江北区滨江街道办事处',
    code: 'JL-JBQ-BJ',
    kind: 'street-township',
    district: '江北区',
    parent: '江北区人民政府',
    liaison: ['唐慧', '0000-8620101'],
  },
  { name: '江临水务集团有限公司', code: 'JL-WATER', kind: 'public-service-company', liaison: ['韩磊', '0000-8640001'] },
  { name: '江临燃气有限公司', code: 'JL-GAS', kind: 'public-service-company', liaison: ['冯娜', '0000-8640002'] },
  { name: '国网江临供电公司', code: 'JL-POWER', kind: 'public-service-company', liaison: ['曹阳', '0000-8640003'] },
]

/** Two-level catalog: [first level, second-level names]. */
export const DEMO_CATALOG: [string, string[]][] = [
  ['户籍证件', ['身份证', '户口', '居住证', '出入境']],
  ['社会保障', ['养老保险', '失业保险', '工伤保险', '社保卡']],
  ['医疗保障', ['参保缴费', '报销', '异地就医']],
  ['住房公积金', ['缴存', '提取', '贷款']],
  ['就业创业', ['就业服务', '创业扶持', '职业培训']],
  ['企业服务', ['开办企业', '变更注销', '涉企政策']],
  ['税务', ['个人所得税', '发票', '纳税申报']],
  ['不动产登记', ['转移登记', '抵押登记', '登记查询']],
  ['教育', ['入学', '学籍', '学生资助']],
  ['婚姻生育', ['结婚登记', '生育服务']],
  ['社会救助与养老', ['最低生活保障', '养老服务', '残疾人服务']],
  ['水电气暖', ['供水', '燃气', '供电', '供暖']],
  ['城市管理', ['市容环境', '垃圾分类', '占道管理']],
  ['交通出行', ['公共交通', '机动车', '停车']],
  ['卫生健康', ['预防接种', '医疗机构']],
  ['法律服务', ['法律援助', '公证']],
  ['市场监管', ['消费维权', '食品安全']],
  ['政务服务', ['办事大厅', '12345热线']],
]

/** Every demo account shares one documented password (README "Demo accounts"). */
export const DEMO_PASSWORD = 'Demo@12345'

export const DEMO_USERS: { email: string; name: string; roles: string[]; unit?: string }[] = [
  { email: 'admin@hotline.example', name: '系统管理员', roles: ['admin'] },
  { email: 'kb-admin@hotline.example', name: '知识库管理员 李娟', roles: ['kb-admin'] },
  { email: 'agent@hotline.example', name: '话务员 张敏', roles: ['agent'] },
  { email: 'supervisor@hotline.example', name: '督办员 王磊', roles: ['supervisor'] },
  { email: 'dispatcher@hotline.example', name: '派单员 周婷', roles: ['dispatcher'] },
  {
    email: 'editor.rs@hotline.example',
    name: '人社局编辑 刘洋',
    roles: ['unit-editor'],
    unit: '江临市人力资源和社会保障局',
  },
  {
    email: 'reviewer.rs@hotline.example',
    name: '人社局审核员 陈芳',
    roles: ['unit-reviewer'],
    unit: '江临市人力资源和社会保障局',
  },
  {
    email: 'editor.gjj@hotline.example',
    name: '公积金中心编辑 杨帆',
    roles: ['unit-editor'],
    unit: '江临市住房公积金管理中心',
  },
  {
    email: 'reviewer.gjj@hotline.example',
    name: '公积金中心审核员 徐静',
    roles: ['unit-reviewer'],
    unit: '江临市住房公积金管理中心',
  },
  {
    email: 'handler.rs@hotline.example',
    name: '人社局承办人 何军',
    roles: ['unit-handler'],
    unit: '江临市人力资源和社会保障局',
  },
  {
    email: 'handler.gjj@hotline.example',
    name: '公积金中心承办人 郑丽',
    roles: ['unit-handler'],
    unit: '江临市住房公积金管理中心',
  },
]
