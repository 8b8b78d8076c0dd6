'use client'
import { Button, useConfig, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'

const text = {
  en: {
    heading: 'E-mail to subscribers',
    publishFirst: 'Publish the document to e-mail it.',
    send: 'E-mail this publication',
    sendHelp: 'Subscribers of this kind and topic get it in the languages they chose; nobody gets it twice.',
    correction: 'E-mail the latest correction',
    correctionHelp: 'Sends the newest correction note to everyone who received this publication.',
  },
  ru: {
    heading: 'Рассылка подписчикам',
    publishFirst: 'Опубликуйте документ, чтобы разослать его.',
    send: 'Разослать публикацию',
    sendHelp: 'Подписчики этого вида и темы получат её на выбранных языках; никто не получит её дважды.',
    correction: 'Разослать последнее исправление',
    correctionHelp: 'Отправляет последнее примечание об исправлении всем, кто получил эту публикацию.',
  },
}

/**
 * In a publication's sidebar: send it (or its latest correction) to subscribers on demand.
 * The endpoint decides who may (editors and admins) and makes repeated clicks harmless.
 */
export function SendToSubscribers() {
  const { config } = useConfig()
  const { id, collectionSlug } = useDocumentInfo()
  const { i18n } = useTranslation()
  const t = i18n.language === 'ru' ? text.ru : text.en
  const status = useFormFields(([fields]) => fields._status?.value) as string | undefined
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const api = `${config.serverURL ?? ''}${config.routes.api}`

  async function send(correction: boolean) {
    setBusy(true)
    try {
      const response = await fetch(`${api}/mail/send-publication`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ collection: collectionSlug, id, correction }),
      })
      const body = (await response.json().catch(() => ({}))) as { message?: string; errors?: { message: string }[] }
      setMessage(body.message ?? body.errors?.[0]?.message ?? `HTTP ${response.status}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div style={{ marginBottom: 'var(--base)' }}>
      <h4>{t.heading}</h4>
      {!id || status !== 'published' ? (
        <p style={{ color: 'var(--theme-elevation-500)' }}>{t.publishFirst}</p>
      ) : (
        <>
          <p style={{ color: 'var(--theme-elevation-500)' }}>{t.sendHelp}</p>
          <Button onClick={() => send(false)} disabled={busy} buttonStyle="secondary" size="small">
            {t.send}
          </Button>
          <p style={{ color: 'var(--theme-elevation-500)' }}>{t.correctionHelp}</p>
          <Button onClick={() => send(true)} disabled={busy} buttonStyle="secondary" size="small">
            {t.correction}
          </Button>
        </>
      )}
      {message && (
        <p role="status">
          <strong>{message}</strong>
        </p>
      )}
    </div>
  )
}
