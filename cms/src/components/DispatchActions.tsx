'use client'
import { Button, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { relationId } from '@pressroom/shared'
import { useRouter } from 'next/navigation.js'
import { adminT } from '../i18n/admin/adminT.ts'
import { LogExportLinks } from './LogExportLinks.tsx'
import { EndpointMessage, useApiUrl, useEndpointCall } from './staffEndpoint.tsx'

/** On a dispatch: the button that plans it, and links to its log as CSV and PDF. */
export function DispatchActions() {
  const { id } = useDocumentInfo()
  const t = adminT(useTranslation().t, 'dispatchActions')
  const router = useRouter()
  const status = useFormFields(([fields]) => fields.status?.value) as string | undefined
  const notice = useFormFields(([fields]) => fields.notice?.value) as number | string | { id: number } | undefined
  const noticeId = notice === undefined ? undefined : relationId(notice)
  const api = useApiUrl()
  const { busy, message, call } = useEndpointCall()

  if (!id) return <p>{t('saveFirst')}</p>

  // JSON, like every state-changing call from the admin: the endpoint refuses form bodies (docs/adr/0033).
  const plan = () =>
    call(
      `${api}/dispatches/${id}/plan`,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' },
      () => router.refresh(),
    )

  return (
    <div style={{ marginBottom: 'var(--base)' }}>
      {(status === 'draft' || status === 'planning') && (
        <>
          <p style={{ color: 'var(--theme-elevation-500)' }}>{t('planHelp')}</p>
          <Button onClick={plan} disabled={busy} buttonStyle="primary" size="small">
            {t('plan')}
          </Button>
        </>
      )}
      {(status === 'sending' || status === 'completed') && (
        <p>
          {status === 'sending' ? t('sending') : t('completed')}{' '}
          <Button onClick={() => window.location.reload()} buttonStyle="secondary" size="small">
            {t('refresh')}
          </Button>
        </p>
      )}
      <EndpointMessage message={message} />
      {status && status !== 'draft' && <LogExportLinks scope={`dispatch=${id}`} label={t('exportDispatch')} />}
      {status && status !== 'draft' && noticeId && (
        <LogExportLinks scope={`notice=${noticeId}`} label={t('exportNotice')} />
      )}
    </div>
  )
}
