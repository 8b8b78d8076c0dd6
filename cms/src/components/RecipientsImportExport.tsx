'use client'
import { Button, useConfig, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'
import { type FormEvent, useState } from 'react'

type Problem = { row: number; column: string | null; message: string }
type Report = { message: string; ok?: boolean; problems?: Problem[] }

const text = {
  en: {
    title: 'Import or export recipients (CSV)',
    checkOnly: 'Only check the file, do not import',
    import: 'Upload CSV',
    export: 'Export all recipients (CSV)',
    row: 'Row',
    column: 'Column',
    problem: 'Problem',
    help: 'Columns: id, external_id, kind, name_en, name_ru, role_en, role_ru, country, emails, postal_address, preferred_language, preferred_channels, groups, notes, active. Several values in a cell are separated by semicolons. A file with any problem imports nothing.',
  },
  ru: {
    title: 'Импорт и экспорт получателей (CSV)',
    checkOnly: 'Только проверить файл, не импортировать',
    import: 'Загрузить CSV',
    export: 'Экспортировать всех получателей (CSV)',
    row: 'Строка',
    column: 'Столбец',
    problem: 'Ошибка',
    help: 'Столбцы: id, external_id, kind, name_en, name_ru, role_en, role_ru, country, emails, postal_address, preferred_language, preferred_channels, groups, notes, active. Несколько значений в ячейке разделяются точкой с запятой. Файл хотя бы с одной ошибкой не импортируется целиком.',
  },
}

/** Above the recipients list: upload a CSV and read the report, or download the directory. */
export function RecipientsImportExport() {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const t = i18n.language === 'ru' ? text.ru : text.en
  const router = useRouter()
  const api = `${config.serverURL ?? ''}${config.routes.api}`
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
      const body = (await response.json().catch(() => ({}))) as Report & { errors?: { message: string }[] }
      setReport({ ...body, message: body.message ?? body.errors?.[0]?.message ?? `HTTP ${response.status}` })
      if (response.ok && !checkOnly) router.refresh()
    } finally {
      setBusy(false)
    }
  }

  return (
    <div style={{ marginBottom: 'calc(var(--base) * 1.5)' }}>
      <h4>{t.title}</h4>
      <p style={{ color: 'var(--theme-elevation-500)', maxWidth: '60rem' }}>{t.help}</p>
      <form onSubmit={upload} style={{ display: 'flex', gap: 'var(--base)', alignItems: 'center', flexWrap: 'wrap' }}>
        <input type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <label>
          <input type="checkbox" checked={checkOnly} onChange={(e) => setCheckOnly(e.target.checked)} /> {t.checkOnly}
        </label>
        <Button type="submit" disabled={!file || busy} buttonStyle="secondary" size="small">
          {t.import}
        </Button>
        <a href={`${api}/recipients/export`}>{t.export}</a>
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
                  <th>{t.row}</th>
                  <th>{t.column}</th>
                  <th>{t.problem}</th>
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
