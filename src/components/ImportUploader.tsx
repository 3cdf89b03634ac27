'use client'
/** The upload form of /admin/import: preview first (nothing written), then import the same file. */
import { useState } from 'react'

type Row = { line: number; code?: string; title?: string; action: 'create' | 'update' | 'reject'; reason?: string }
type Report = {
  mode: 'preview' | 'import'
  created: number
  updated: number
  failed: number
  warnings: { line: number; code?: string; message: string }[]
  rows: Row[]
}

const ACTION: Record<Row['action'], string> = { create: '新建', update: '更新', reject: '拒绝' }

export function ImportUploader({ staff }: { staff: boolean }) {
  const [file, setFile] = useState<File | null>(null)
  const [options, setOptions] = useState({ createMissing: false, publish: false, catalogue: false })
  const [report, setReport] = useState<Report | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  async function send(mode: 'preview' | 'import') {
    if (!file) return
    setBusy(true)
    setError('')
    const query = new URLSearchParams({
      name: file.name,
      mode,
      format: options.catalogue ? 'catalogue' : 'auto',
      createMissing: options.createMissing ? '1' : '0',
      publish: options.publish ? '1' : '0',
    })
    try {
      const res = await fetch(`/api/v1/import?${query}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: file,
      })
      const body = await res.json().catch(() => ({ message: `上传失败（${res.status}）` }))
      if (!res.ok) {
        setReport(null)
        setError(body.message ?? `上传失败（${res.status}）`)
      } else setReport(body as Report)
    } catch {
      setError('网络错误，请重试')
    } finally {
      setBusy(false)
    }
  }

  const check = (key: keyof typeof options, label: string) => (
    <label style={{ marginRight: 16 }}>
      <input
        type="checkbox"
        checked={options[key]}
        onChange={(e) => {
          setOptions({ ...options, [key]: e.target.checked })
          setReport(null)
        }}
      />{' '}
      {label}
    </label>
  )

  return (
    <div data-import>
      <p>
        <label>
          选择文件：{' '}
          <input
            type="file"
            name="file"
            accept=".csv,.xlsx,.jsonl,.ndjson,.json"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null)
              setReport(null)
              setError('')
            }}
          />
        </label>
      </p>
      <p>
        {check('catalogue', '按政务服务事项实施清单读取')}
        {staff && check('createMissing', '自动创建不存在的单位和目录')}
        {staff && check('publish', '直接发布')}
      </p>
      <p>
        <button
          type="button"
          className="btn btn--style-secondary"
          disabled={!file || busy}
          onClick={() => send('preview')}
        >
          预览
        </button>{' '}
        {report?.mode === 'preview' && report.created + report.updated > 0 && (
          <button type="button" className="btn btn--style-primary" disabled={busy} onClick={() => send('import')}>
            确认导入 {report.created + report.updated} 条
          </button>
        )}
      </p>
      {busy && <p role="status">处理中…</p>}
      {error && (
        <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {error}
        </p>
      )}
      {report && (
        <section data-import-report={report.mode}>
          <p role="status">
            {report.mode === 'preview' ? '预览（尚未写入）：' : '导入完成：'}
            {report.mode === 'preview' ? '将新建' : '新建'} {report.created} 条，
            {report.mode === 'preview' ? '将更新' : '更新'} {report.updated} 条，拒绝 {report.failed} 条
          </p>
          {report.warnings.length > 0 && (
            <ul data-import-warnings>
              {report.warnings.map((w, i) => (
                <li key={i}>
                  第 {w.line} 行{w.code ? `（${w.code}）` : ''}：{w.message}
                </li>
              ))}
            </ul>
          )}
          <table className="table" style={{ width: '100%' }}>
            <thead>
              <tr>
                <th>行</th>
                <th>编号</th>
                <th>标题</th>
                <th>处理</th>
                <th>原因</th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((r, i) => (
                <tr key={i} data-action={r.action}>
                  <td>{r.line}</td>
                  <td>{r.code ?? '—'}</td>
                  <td>{r.title ?? '—'}</td>
                  <td>{ACTION[r.action]}</td>
                  <td>{r.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  )
}
