'use client'
import { Button, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'
import { type FormEvent, useState } from 'react'
import { adminT } from '../i18n/admin/adminT.ts'
import { answerLine, readAnswer, useApiUrl } from './staffEndpoint.tsx'

type Problem = { row: number; column: string | null; message: string }
type Report = { message: string; ok?: boolean; problems?: Problem[] }

/** Above the recipients list: upload a CSV and read the report, or download the directory. */
export function RecipientsImportExport() {
  const t = adminT(useTranslation().t, 'recipientsImportExport')
  const router = useRouter()
  const api = useApiUrl()
  const [file, setFile] = useState<File | null>(null)
  const [checkOnly, setCheckOnly] = useState(false)
  const [busy, setBusy] = useState(false)
  const [report, setReport] = useState<Report | null>(null)

  async function upload(event: FormEvent) {
    event.preventDefault()
    if (!file) return
    setBusy(true)
    setReport(null)
    try {
      const form = new FormData()
      form.set('file', file)
      const response = await fetch(`${api}/recipients/import${checkOnly ? '?dryRun=true' : ''}`, {
        method: 'POST',
        body: form,
        credentials: 'include',
      })
      const body = await readAnswer<Report>(response)
      setReport({ ...body, message: answerLine(response, body) })
      if (response.ok && !checkOnly) router.refresh()
    } finally {
      setBusy(false)
    }
  }

  return (
    <div style={{ marginBottom: 'calc(var(--base) * 1.5)' }}>
      <h4>{t('title')}</h4>
      <p style={{ color: 'var(--theme-elevation-500)', maxWidth: '60rem' }}>{t('help')}</p>
      <form onSubmit={upload} style={{ display: 'flex', gap: 'var(--base)', alignItems: 'center', flexWrap: 'wrap' }}>
        <input type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <label>
          <input type="checkbox" checked={checkOnly} onChange={(e) => setCheckOnly(e.target.checked)} />{' '}
          {t('checkOnly')}
        </label>
        <Button type="submit" disabled={!file || busy} buttonStyle="secondary" size="small">
          {t('import')}
        </Button>
        <a href={`${api}/recipients/export`}>{t('export')}</a>
      </form>
      {report && (
        <div role="status" style={{ marginTop: 'var(--base)' }}>
          <p>
            <strong>{report.message}</strong>
          </p>
          {report.problems && report.problems.length > 0 && (
            <table className="table">
              <thead>
                <tr>
                  <th>{t('row')}</th>
                  <th>{t('column')}</th>
                  <th>{t('problem')}</th>
                </tr>
              </thead>
              <tbody>
                {report.problems.map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity besides their order
                  <tr key={i}>
                    <td>{p.row}</td>
                    <td>{p.column ?? '—'}</td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  )
}
