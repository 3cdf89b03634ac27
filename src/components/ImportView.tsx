/**
 * 批量导入 in the admin (/admin/import): kb-admins and unit editors upload a spreadsheet, JSON Lines
 * or a service catalogue, see what would be created, updated or rejected, then import it.
 */
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'

import { type AccessUser, hasRole } from '../domain/roles'
import { ImportUploader } from './ImportUploader'

export async function ImportView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const user = req.user as AccessUser | null
  const staff = hasRole(user, 'admin', 'kb-admin')
  const allowed = staff || hasRole(user, 'unit-editor')
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={initPageResult.locale}
      params={params}
      payload={req.payload}
      permissions={initPageResult.permissions}
      searchParams={searchParams}
      user={req.user || undefined}
      visibleEntities={initPageResult.visibleEntities}
    >
      <Gutter>
        <h1>批量导入知识条目</h1>
        {allowed ? (
          <>
            <p>
              支持 CSV、XLSX（第一张工作表）、JSON Lines、JSON，以及政务服务事项实施清单。表头可用中文列名（如
              “申请材料（；分隔）”），列表单元格用“；”分隔。先预览，确认后再导入。
              {staff ? '' : '单位编辑只能导入本单位的条目，导入后为草稿，需提交审核。'}
            </p>
            <ImportUploader staff={staff} />
          </>
        ) : (
          <p>仅热线知识库管理员和单位编辑可导入知识条目。</p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
