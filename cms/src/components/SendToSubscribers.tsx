'use client'
import { Button, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { adminT } from '../i18n/admin/adminT.ts'
import { EndpointMessage, useApiUrl, useEndpointCall } from './staffEndpoint.tsx'

/**
 * In a publication's sidebar: send it (or its latest correction) to subscribers on demand.
 * The endpoint decides who may (editors and admins) and makes repeated clicks harmless.
 */
export function SendToSubscribers() {
  const { id, collectionSlug } = useDocumentInfo()
  const t = adminT(useTranslation().t, 'sendToSubscribers')
  const status = useFormFields(([fields]) => fields._status?.value) as string | undefined
  const api = useApiUrl()
  const { busy, message, call } = useEndpointCall()

  const send = (correction: boolean) =>
    call(`${api}/mail/send-publication`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ collection: collectionSlug, id, correction }),
    })

  return (
    <div style={{ marginBottom: 'var(--base)' }}>
      <h4>{t('heading')}</h4>
      {!id || status !== 'published' ? (
        <p style={{ color: 'var(--theme-elevation-500)' }}>{t('publishFirst')}</p>
      ) : (
        <>
          <p style={{ color: 'var(--theme-elevation-500)' }}>{t('sendHelp')}</p>
          <Button onClick={() => send(false)} disabled={busy} buttonStyle="secondary" size="small">
            {t('send')}
          </Button>
          <p style={{ color: 'var(--theme-elevation-500)' }}>{t('correctionHelp')}</p>
          <Button onClick={() => send(true)} disabled={busy} buttonStyle="secondary" size="small">
            {t('correction')}
          </Button>
        </>
      )}
      <EndpointMessage message={message} />
    </div>
  )
}
