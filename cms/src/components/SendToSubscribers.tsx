'use client'
import { Button, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'
import { adminT } from '../i18n/admin/adminT.ts'
import { ConfirmDialog, countList } from './ConfirmDialog.tsx'
import { type LanguageAwareCounts, languageAwareCounts } from './languageAwareCounts.ts'
import { PublicationSendsWaiting } from './PublicationSendsWaiting.tsx'
import { answerLine, EndpointMessage, readAnswer, useApiUrl, useEndpointCall } from './staffEndpoint.tsx'

type Counts = {
  total: number
  byLanguage: Record<string, number>
  inDigests?: number
  bilingual?: LanguageAwareCounts['bilingual']
  notices?: LanguageAwareCounts['notices']
  alreadySent: string[]
  graceSeconds: number
  confirmation: string
}

/**
 * In a publication's sidebar: send it (or its latest correction) to subscribers on demand, after
 * a confirmation with the number of recipients per language; below, the e-mails waiting their
 * grace period, which can be cancelled (docs/adr/0039). The endpoint decides who may (editors and
 * admins), refuses a send without the confirmation, and makes repeated clicks harmless.
 */
export function SendToSubscribers() {
  const { id, collectionSlug } = useDocumentInfo()
  const t = adminT(useTranslation().t, 'sendToSubscribers')
  const c = adminT(useTranslation().t, 'confirm')
  const d = adminT(useTranslation().t, 'digests')
  const say = adminT(useTranslation().t, 'langNotices')
  const status = useFormFields(([fields]) => fields._status?.value) as string | undefined
  const api = useApiUrl()
  const { busy, message, call } = useEndpointCall()
  const [asking, setAsking] = useState<{ correction: boolean; counts: Counts } | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const [generation, setGeneration] = useState(0)

  const ask = async (correction: boolean) => {
    setNote(c('counting'))
    const query = new URLSearchParams({ collection: String(collectionSlug), id: String(id) })
    if (correction) query.set('correction', '1')
    const response = await fetch(`${api}/mail/publication-recipients?${query}`, { credentials: 'include' })
    const answer = await readAnswer<Counts>(response)
    if (!response.ok) return setNote(c('countFailed', { error: answerLine(response, answer) }))
    setNote(null)
    setAsking({ correction, counts: answer })
  }

  const send = async () => {
    if (!asking) return
    const { correction, counts } = asking
    setAsking(null)
    await call(
      `${api}/mail/send-publication`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ collection: collectionSlug, id, correction, confirmation: counts.confirmation }),
      },
      () => setGeneration((g) => g + 1),
    )
  }

  return (
    <div style={{ marginBottom: 'var(--base)' }}>
      <h4>{t('heading')}</h4>
      {!id || status !== 'published' ? (
        <p style={{ color: 'var(--theme-elevation-500)' }}>{t('publishFirst')}</p>
      ) : (
        <>
          <p style={{ color: 'var(--theme-elevation-500)' }}>{t('sendHelp')}</p>
          <Button onClick={() => ask(false)} disabled={busy} buttonStyle="secondary" size="small">
            {t('send')}
          </Button>
          <p style={{ color: 'var(--theme-elevation-500)' }}>{t('correctionHelp')}</p>
          <Button onClick={() => ask(true)} disabled={busy} buttonStyle="secondary" size="small">
            {t('correction')}
          </Button>
          <PublicationSendsWaiting collection={String(collectionSlug)} id={id} generation={generation} />
        </>
      )}
      {note && <p role="status">{note}</p>}
      <EndpointMessage message={message} />
      {asking && (
        <ConfirmDialog
          question={c(asking.correction ? 'correctionQuestion' : 'sendQuestion', {
            total: asking.counts.total,
            languages: countList(languageAwareCounts(asking.counts, say), c('nobody')),
          })}
          confirmLabel={c('confirmSend')}
          backLabel={c('back')}
          busy={busy}
          onConfirm={send}
          onBack={() => setAsking(null)}
        >
          {asking.counts.alreadySent.length > 0 && (
            <p>{c('alreadySent', { languages: asking.counts.alreadySent.join(', ') })}</p>
          )}
          {(asking.counts.inDigests ?? 0) > 0 && <p>{d('inDigests', { count: asking.counts.inDigests })}</p>}
          {asking.counts.graceSeconds > 0 && <p>{c('graceNote', { seconds: asking.counts.graceSeconds })}</p>}
        </ConfirmDialog>
      )}
    </div>
  )
}
