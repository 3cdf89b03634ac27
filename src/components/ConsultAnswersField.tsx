'use client'
/**
 * A work order's 会商意见 in the admin as a readable table, instead of Payload's JSON editor (which
 * loads its code editor from a CDN and so never renders on an intranet).
 */
import { useField } from '@payloadcms/ui'
import type { JSONFieldClientProps } from 'payload'

import { shanghaiDateTimeString } from '../domain/shanghaiTime'

type Answer = { unit: string; text: string; at: string }

export function ConsultAnswersField({ path, field }: JSONFieldClientProps) {
  const { value } = useField<Answer[] | null>({ path })
  const answers = Array.isArray(value) ? value : []
  return (
    <div className="field-type consult-answers-field">
      <span className="field-label">{typeof field.label === 'string' ? field.label : '会商意见'}</span>
      {answers.length === 0 ? (
        <p>暂无会商意见</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>时间</th>
              <th>单位</th>
              <th>意见</th>
            </tr>
          </thead>
          <tbody>
            {answers.map((a, i) => (
              <tr key={`${a.at}-${i}`}>
                <td>{shanghaiDateTimeString(new Date(a.at))}</td>
                <td>{a.unit}</td>
                <td>{a.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
