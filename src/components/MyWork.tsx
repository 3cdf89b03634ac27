/** The admin dashboard's "待我处理" lists (a server component; Payload passes the signed-in user). */
import type { Payload } from 'payload'

import { stateLabel } from '../domain/workflow/entryWorkflow'
import type { AccessUser } from '../domain/roles'
import { shanghaiDateString } from '../domain/shanghaiTime'
import { myWork } from '../services/myWork'

const day = (value?: string | null) => (value ? shanghaiDateString(new Date(value)) : '—')

export async function MyWork({ payload, user }: { payload: Payload; user?: AccessUser | null }) {
  if (!user) return null
  const lists = await myWork(payload, user)
  if (!lists.length) return null
  return (
    <section style={{ marginBottom: 'var(--base)' }}>
      <h2 style={{ marginBottom: 'calc(var(--base) / 2)' }}>待我处理</h2>
      {lists.map((list) => (
        <div key={list.key} data-work-list={list.key} style={{ marginBottom: 'var(--base)' }}>
          <h4>
            {list.label}（{list.items.length}）
          </h4>
          {list.items.length === 0 ? (
            <p style={{ color: 'var(--theme-elevation-500)' }}>暂无</p>
          ) : (
            <table className="table" style={{ width: '100%' }}>
              <thead>
                <tr>
                  <th>知识编号</th>
                  <th>标题</th>
                  <th>状态</th>
                  <th>有效期至</th>
                  <th>下次复核</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((item) => (
                  <tr key={String(item.id)}>
                    <td>{item.code}</td>
                    <td>
                      <a href={`/admin/collections/knowledge-entries/${item.id}`}>{item.title}</a>
                    </td>
                    <td>{stateLabel(item.workflowState)}</td>
                    <td>{day(item.validUntil)}</td>
                    <td>{day(item.nextReviewAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </section>
  )
}
