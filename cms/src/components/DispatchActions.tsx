'use client'
import { Button, useConfig, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'
import { useState } from 'react'

const text = {
  en: {
    saveFirst: 'Save the dispatch, then plan it here.',
    plan: 'Plan dispatch: create the log for every recipient',
    planHelp:
      'Each chosen recipient gets one log row, in their preferred language and channel. The notice and recipients cannot change afterwards.',
    exportDispatch: 'Export this dispatch log',
    exportNotice: 'Export the log of every dispatch of this notice',
  },
  ru: {
    saveFirst: 'Сохраните рассылку, затем запланируйте её здесь.',
    plan: 'Запланировать рассылку: создать журнал по каждому получателю',
    planHelp:
      'Каждый выбранный получатель получает одну строку журнала, на своём языке и по своему каналу. Уведомление и получателей потом изменить нельзя.',
    exportDispatch: 'Экспорт журнала этой рассылки',
    exportNotice: 'Экспорт журнала всех рассылок этого уведомления',
  },
}

/** On a dispatch: the button that plans it, and links to its log as CSV and PDF. */
export function DispatchActions() {
  const { config } = useConfig()
  const { id } = useDocumentInfo()
  const { i18n } = useTranslation()
  const t = i18n.language === 'ru' ? text.ru : text.en
  const router = useRouter()
  const status = useFormFields(([fields]) => fields.status?.value) as string | undefined
  const notice = useFormFields(([fields]) => fields.notice?.value) as number | string | { id: number } | undefined
  const noticeId = notice && typeof notice === 'object' ? notice.id : notice
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  if (!id) return <p>{t.saveFirst}</p>

  async function plan() {
    setBusy(true)
    try {
      const response = await fetch(`${api}/dispatches/${id}/plan`, { method: 'POST', credentials: 'include' })
      const body = (await response.json().catch(() => ({}))) as { message?: string; errors?: { message: string }[] }
      setMessage(body.message ?? body.errors?.[0]?.message ?? `HTTP ${response.status}`)
      if (response.ok) router.refresh()
    } finally {
      setBusy(false)
    }
  }

  const links = (scope: string, label: string) => (
    <p>
      {label}: <a href={`${api}/dispatch-recipients/export?format=csv&${scope}`}>CSV</a> ·{' '}
      <a href={`${api}/dispatch-recipients/export?format=pdf&${scope}`}>PDF</a>
    </p>
  )

  return (
    <div style={{ marginBottom: 'var(--base)' }}>
      {(status === 'draft' || status === 'planning') && (
        <>
          <p style={{ color: 'var(--theme-elevation-500)' }}>{t.planHelp}</p>
          <Button onClick={plan} disabled={busy} buttonStyle="primary" size="small">
            {t.plan}
          </Button>
        </>
      )}
      {message && (
        <p role="status">
          <strong>{message}</strong>
        </p>
      )}
      {status && status !== 'draft' && links(`dispatch=${id}`, t.exportDispatch)}
      {status && status !== 'draft' && noticeId && links(`notice=${noticeId}`, t.exportNotice)}
    </div>
  )
}
