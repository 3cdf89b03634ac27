import {
  extractPhones,
  formatDuration,
  isCatalogueItem,
  locationAddress,
  parseCatalogueItem,
} from '../../src/domain/exchange/catalogue'

/** An item as the portal exports it (made up, in the portal's shape). */
const item = {
  TASK_CODE: '11440000MB2C00000X4440117001000',
  TASK_NAME: '江临市示范企业认定',
  DEPT_NAME: '江临市工业和信息化局',
  TASK_TYPE_TEXT: '行政确认',
  matter_level: '市级',
  AREA_CODE_TEXT: '江临市',
  theme_category: ['其他', '设立变更'],
  service_object_name: ['企业法人'],
  accept_standard: '在本市登记注册的企业。',
  material_intro: ['申请表', '营业执照复印件'],
  handle_location: '办理地点：江临市民生路1号政务服务中心3楼',
  handle_time: '20(工作日)',
  handle_time_limit: '5(工作日)',
  consult_phone: '咨询电话号码：0000-8123456、0000-8123457转2。电子邮箱：无',
  complain_phone: '0000-12345',
  URL: 'https://zwfw.example.gov.cn/item/1',
}

describe('service catalogue items', () => {
  it('are recognised by their keys, in the portal export or with Chinese headers', () => {
    expect(isCatalogueItem(item)).toBe(true)
    expect(isCatalogueItem({ 事项名称: '某事项', 实施主体: '某局' })).toBe(true)
    expect(isCatalogueItem({ type: 'guide', unit: '某局', title: '某事项' })).toBe(false)
    expect(isCatalogueItem(null)).toBe(false)
  })

  it('become a service hall and a guide that refers to it', () => {
    const parsed = parseCatalogueItem(item)
    if (!parsed.ok) throw new Error(parsed.error)
    const [hall, guide] = parsed.entries
    expect(hall.data).toMatchObject({
      type: 'location',
      title: '江临市工业和信息化局（江临市民生路1号政务服务中心3楼）',
      location: { address: '江临市民生路1号政务服务中心3楼' },
    })
    expect(hall.itemCode).toMatch(/^LOC-[0-9A-F]{12}$/)
    expect(guide.locationCodes).toEqual([hall.itemCode])
    expect(guide).toMatchObject({ itemCode: item.TASK_CODE, unitName: item.DEPT_NAME, categoryTheme: '设立变更' })
    expect(guide.data).toMatchObject({
      type: 'guide',
      title: '江临市示范企业认定',
      tags: ['设立变更', '行政确认'],
      source: { itemCode: item.TASK_CODE, issuingBody: item.DEPT_NAME, link: item.URL },
      guide: {
        conditions: '在本市登记注册的企业。',
        materials: [{ text: '申请表' }, { text: '营业执照复印件' }],
        timeLimit: '承诺时限5个工作日；法定时限20个工作日',
        phone: '0000-8123456、0000-8123457转2',
        online: item.URL,
      },
    })
    // What has no field of its own is kept, verbatim, in the body.
    expect(guide.bodyText).toContain('投诉电话：0000-12345')
    expect(guide.bodyText).toContain(`咨询电话：${item.consult_phone}`)
    expect(guide.bodyText).toContain('服务对象：企业法人')
  })

  it('handle online-only items, missing materials and spreadsheet cells', () => {
    const parsed = parseCatalogueItem({
      事项名称: '网上预约',
      实施主体: '江临市人社局',
      申请材料: '无',
      办理地点: '无线下办理窗口',
      办理时间: '周一至周五 9:00-17:00',
      主题分类: '其他',
    })
    if (!parsed.ok) throw new Error(parsed.error)
    expect(parsed.entries).toHaveLength(1)
    const [guide] = parsed.entries
    expect(guide.categoryTheme).toBe('其他')
    expect(guide.locationCodes).toEqual([])
    expect(guide.data.guide).toMatchObject({ materials: [{ text: '事项清单未列出申请材料，请向实施主体咨询' }] })
    expect(guide.bodyText).toContain('办理时间：周一至周五 9:00-17:00')
    expect(parseCatalogueItem({ 事项名称: '网上预约', 申请材料: '身份证\n户口簿；照片' })).toEqual({
      ok: false,
      error: '缺少实施主体',
    })
  })

  it('keep only dialable numbers in the phone field', () => {
    expect(extractPhones('省厅：020-86351219、86351130；广州：020-83100130')).toBe('020-86351219、020-83100130')
    expect(extractPhones('020-83507323/020-12348')).toBe('020-83507323、12348')
    expect(extractPhones('020-38356454转1')).toBe('020-38356454转1')
    expect(extractPhones('请登录网站咨询')).toBeUndefined()
    expect(formatDuration('7(工作日)')).toBe('7个工作日')
    expect(formatDuration('即办')).toBe('即办')
    expect(locationAddress('办理地点：广州市越秀区东风中路305号')).toBe('广州市越秀区东风中路305号')
    expect(locationAddress('无线下办理窗口')).toBeUndefined()
  })
})
