/**
 * 批量导入 in the admin (/admin/import): kb-admins and unit editors upload a spreadsheet, JSON Lines
 * or a service catalogue, see what would be created, updated or rejected, then import it.
 */
import type { AdminViewServerProps } from 'payload'

import { type AccessUser, hasRole } from '../domain/roles'
import { AdminViewShell } from './AdminViewShell'
import { ImportUploader } from './ImportUploader'

export async function ImportView(view: AdminViewServerProps) {
  const { initPageResult } = view
  const { req } = initPageResult
  const user = req.user as AccessUser | null
  const staff = hasRole(user, 'admin', 'kb-admin')
  const allowed = staff || hasRole(user, 'unit-editor')
  return (
    <AdminViewShell view={view} title="批量导入知识条目">
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
    </AdminViewShell>
  )
}
