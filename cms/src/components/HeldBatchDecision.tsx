'use client'
import { Button, useConfig, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'
import { useState } from 'react'

const text = {
  en: {
    title: 'This batch waits for your decision',
    explain: (messages: number, first: string, error: string) =>
      `Its ${messages} message(s) were first handed to the provider on ${first}, but no answer ever arrived (last error: ${error}). The provider forgets a batch after 24 hours, so it can no longer tell whether they were sent: sending again may deliver them twice.`,
    sendAnyway: 'Send anyway',
    sendHelp:
      'Choose this if the recipients are unlikely to have received it (check a few of them, or the provider dashboard).',
    giveUp: 'Give up',
    giveUpHelp:
      'The messages are marked failed and never sent again; notices can be re-sent one by one from the dispatch log.',
    unknown: 'unknown',
    none: 'none',
  },
  ru: {
    title: 'Этот пакет ждёт вашего решения',
    explain: (messages: number, first: string, error: string) =>
      `Его письма (${messages}) впервые переданы провайдеру ${first}, но ответ так и не пришёл (последняя ошибка: ${error}). Провайдер забывает пакет через 24 часа и уже не может сказать, были ли письма отправлены: повторная отправка может доставить их дважды.`,
    sendAnyway: 'Отправить всё равно',
    sendHelp:
      'Выберите это, если получатели скорее всего ничего не получили (спросите нескольких или проверьте панель провайдера).',
    giveUp: 'Не отправлять',
    giveUpHelp:
      'Письма помечаются как неотправленные и больше не отправляются; уведомления можно отправить заново по одному из журнала рассылки.',
    unknown: 'неизвестно',
    none: 'нет',
  },
}

/** On a batch held past the provider's idempotency window: what is known, and the two decisions (docs/adr/0028). */
export function HeldBatchDecision() {
  const { config } = useConfig()
  const { id } = useDocumentInfo()
  const { i18n } = useTranslation()
  const t = i18n.language === 'ru' ? text.ru : text.en
  const router = useRouter()
  const status = useFormFields(([fields]) => fields.status?.value) as string | undefined
  const first = useFormFields(([fields]) => fields.firstAttemptAt?.value) as string | undefined
  const messages = useFormFields(([fields]) => fields.messages?.value) as number | undefined
  const error = useFormFields(([fields]) => fields.error?.value) as string | undefined
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (!id || status !== 'held') return null

  async function decide(decision: 'send-anyway' | 'give-up') {
    setBusy(true)
    try {
      const api = `${config.serverURL ?? ''}${config.routes.api}`
      const response = await fetch(`${api}/mail-batches/${id}/${decision}`, { method: 'POST', credentials: 'include' })
      const body = (await response.json().catch(() => ({}))) as { message?: string; errors?: { message: string }[] }
      setMessage(body.message ?? body.errors?.[0]?.message ?? `HTTP ${response.status}`)
      if (response.ok) router.refresh()
    } finally {
      setBusy(false)
    }
  }

  const when = first ? new Date(first).toLocaleString(i18n.language) : t.unknown
  return (
    <div
      role="alert"
      style={{ marginBottom: 'var(--base)', padding: '1rem', border: '1px solid var(--theme-warning-500)' }}
    >
      <h3 style={{ marginTop: 0 }}>{t.title}</h3>
      <p>{t.explain(messages ?? 0, when, error || t.none)}</p>
      <p>
        <Button onClick={() => decide('send-anyway')} disabled={busy} buttonStyle="primary" size="small">
          {t.sendAnyway}
        </Button>{' '}
        {t.sendHelp}
      </p>
      <p>
        <Button onClick={() => decide('give-up')} disabled={busy} buttonStyle="secondary" size="small">
          {t.giveUp}
        </Button>{' '}
        {t.giveUpHelp}
      </p>
      {message && (
        <p role="status">
          <strong>{message}</strong>
        </p>
      )}
    </div>
  )
}
