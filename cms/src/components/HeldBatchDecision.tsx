'use client'
import { Button, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'
import { adminT } from '../i18n/admin/adminT.ts'
import { EndpointMessage, useApiUrl, useEndpointCall } from './staffEndpoint.tsx'

/** On a batch held past the provider's idempotency window: what is known, and the two decisions (docs/adr/0028). */
export function HeldBatchDecision() {
  const { id } = useDocumentInfo()
  const { i18n, t: payloadT } = useTranslation()
  const t = adminT(payloadT, 'heldBatch')
  const router = useRouter()
  const status = useFormFields(([fields]) => fields.status?.value) as string | undefined
  const first = useFormFields(([fields]) => fields.firstAttemptAt?.value) as string | undefined
  const messages = useFormFields(([fields]) => fields.messages?.value) as number | undefined
  const error = useFormFields(([fields]) => fields.error?.value) as string | undefined
  const api = useApiUrl()
  const { busy, message, call } = useEndpointCall()
  if (!id || status !== 'held') return null

  const decide = (decision: 'send-anyway' | 'give-up') =>
    call(`${api}/mail-batches/${id}/${decision}`, { method: 'POST' }, () => router.refresh())

  const when = first ? new Date(first).toLocaleString(i18n.language) : t('unknown')
  return (
    <div
      role="alert"
      style={{ marginBottom: 'var(--base)', padding: '1rem', border: '1px solid var(--theme-warning-500)' }}
    >
      <h3 style={{ marginTop: 0 }}>{t('title')}</h3>
      <p>{t('explain', { messages: messages ?? 0, first: when, error: error || t('none') })}</p>
      <p>
        <Button onClick={() => decide('send-anyway')} disabled={busy} buttonStyle="primary" size="small">
          {t('sendAnyway')}
        </Button>{' '}
        {t('sendHelp')}
      </p>
      <p>
        <Button onClick={() => decide('give-up')} disabled={busy} buttonStyle="secondary" size="small">
          {t('giveUp')}
        </Button>{' '}
        {t('giveUpHelp')}
      </p>
      <EndpointMessage message={message} />
    </div>
  )
}
