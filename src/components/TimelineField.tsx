'use client'
/**
 * A work order's 处理记录 in the admin as a readable table, instead of Payload's JSON editor (which
 * loads its code editor from a CDN and so never renders on an intranet).
 */
import { useField } from '@payloadcms/ui'
import type { JSONFieldClientProps } from 'payload'

import { shanghaiDateTimeString } from '../domain/shanghaiTime'
import { orderStateLabel } from '../domain/workOrders/orderFlow'

type Item = { at: string; label?: string; action: string; actor?: string; from?: string; to?: string; note?: string }

export function TimelineField({ path, field }: JSONFieldClientProps) {
  const { value } = useField<Item[] | null>({ path })
  const items = Array.isArray(value) ? value : []
  return (
    <div className="field-type timeline-field">
      <span className="field-label">{typeof field.label === 'string' ? field.label : '处理记录'}</span>
      {items.length === 0 ? (
        <p>暂无记录</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>时间</th>
              <th>操作</th>
              <th>操作人</th>
              <th>状态</th>
              <th>说明</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, i) => (
              <tr key={`${item.at}-${i}`}>
                <td>{shanghaiDateTimeString(new Date(item.at))}</td>
                <td>{item.label ?? item.action}</td>
                <td>{item.actor ?? ''}</td>
                <td>
                  {item.from ? `${orderStateLabel(item.from)} → ` : ''}
                  {item.to ? orderStateLabel(item.to) : ''}
                </td>
                <td>{item.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
