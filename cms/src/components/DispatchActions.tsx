'use client'
import { Button, useConfig, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { relationId } from '@pressroom/shared'
import { useRouter } from 'next/navigation.js'
import { useState } from 'react'

const text = {
  en: {
    saveFirst: 'Save the dispatch, then plan it here.',
    plan: 'Plan and send: create the log and e-mail the notice',
    planHelp:
      'Each chosen recipient gets one log row, in their preferred language and channel; recipients reached by e-mail get the notice with its PDF edition and an acknowledgement link within a minute. Other channels wait for your delivery records. The notice and recipients cannot change afterwards.',
    sending: 'E-mails are going out; the log below fills in as the provider answers.',
    completed: 'Every e-mail has been handed over; deliveries, bounces and acknowledgements keep arriving in the log.',
    refresh: 'Refresh the log',
    exportDispatch: 'Export this dispatch log',
    exportNotice: 'Export the log of every dispatch of this notice',
  },
  ru: {
    saveFirst: 'Сохраните рассылку, затем запланируйте её здесь.',
    plan: 'Запланировать и отправить: создать журнал и разослать уведомление',
    planHelp:
      'Каждый выбранный получатель получает одну строку журнала, на своём языке и по своему каналу; получатели с электронной почтой в течение минуты получают уведомление с PDF-версией и ссылкой для подтверждения. Другие каналы ждут ваших записей о доставке. Уведомление и получателей потом изменить нельзя.',
    sending: 'Письма отправляются; журнал ниже заполняется по мере ответов почтовой службы.',
    completed: 'Все письма переданы; доставки, возвраты и подтверждения продолжают поступать в журнал.',
    refresh: 'Обновить журнал',
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
  const noticeId = notice === undefined ? undefined : relationId(notice)
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  if (!id) return <p>{t.saveFirst}</p>

  async function plan() {
    setBusy(true)
    try {
      // JSON, like every state-changing call from the admin: the endpoint refuses form bodies (docs/adr/0033).
      const response = await fetch(`${api}/dispatches/${id}/plan`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      })
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
      {(status === 'sending' || status === 'completed') && (
        <p>
          {status === 'sending' ? t.sending : t.completed}{' '}
          <Button onClick={() => window.location.reload()} buttonStyle="secondary" size="small">
            {t.refresh}
          </Button>
        </p>
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
