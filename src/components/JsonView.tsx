'use client'
/**
 * A JSON value shown as formatted text, read-only. Payload's JSON field editor loads Monaco from a
 * CDN; the admin must load nothing from outside (intranets have no internet).
 */
import { useField } from '@payloadcms/ui'
import type { JSONFieldClientProps } from 'payload'

export function JsonView({ path, field }: JSONFieldClientProps) {
  const { value } = useField<unknown>({ path })
  return (
    <div className="field-type json-view">
      <span className="field-label">{typeof field.label === 'string' ? field.label : field.name}</span>
      <pre style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {value === undefined || value === null ? '—' : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  )
}
