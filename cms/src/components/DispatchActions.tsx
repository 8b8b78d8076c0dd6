'use client'
import { Button, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { relationId } from '@pressroom/shared'
import { useRouter } from 'next/navigation.js'
import { useState } from 'react'
import { adminT } from '../i18n/admin/adminT.ts'
import { ConfirmDialog, countList } from './ConfirmDialog.tsx'
import { LogExportLinks } from './LogExportLinks.tsx'
import { answerLine, EndpointMessage, readAnswer, useApiUrl, useEndpointCall } from './staffEndpoint.tsx'

type DispatchCounts = {
  total: number
  byLanguage: Record<string, number>
  byChannel: Record<string, number>
  channelLabels: Record<string, string>
  confirmation: string
}

/** On a dispatch: the button that plans it (after a confirmation with the counts), and links to its log as CSV and PDF. */
export function DispatchActions() {
  const { id } = useDocumentInfo()
  const t = adminT(useTranslation().t, 'dispatchActions')
  const router = useRouter()
  const status = useFormFields(([fields]) => fields.status?.value) as string | undefined
  const notice = useFormFields(([fields]) => fields.notice?.value) as number | string | { id: number } | undefined
  const noticeId = notice === undefined ? undefined : relationId(notice)
  const api = useApiUrl()
  const { busy, message, call } = useEndpointCall()
  const c = adminT(useTranslation().t, 'confirm')
  const [asking, setAsking] = useState<DispatchCounts | null>(null)
  const [note, setNote] = useState<string | null>(null)

  if (!id) return <p>{t('saveFirst')}</p>

  // First the counts, per language and channel, for staff to confirm (docs/adr/0039).
  const ask = async () => {
    setNote(c('counting'))
    const response = await fetch(`${api}/dispatches/${id}/recipient-counts`, { credentials: 'include' })
    const answer = await readAnswer<DispatchCounts>(response)
    if (!response.ok) return setNote(c('countFailed', { error: answerLine(response, answer) }))
    setNote(null)
    setAsking(answer)
  }

  // JSON, like every state-changing call from the admin: the endpoint refuses form bodies (docs/adr/0033).
  const plan = () => {
    const confirmation = asking?.confirmation
    setAsking(null)
    return call(
      `${api}/dispatches/${id}/plan`,
      { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ confirmation }) },
      () => router.refresh(),
    )
  }

  return (
    <div style={{ marginBottom: 'var(--base)' }}>
      {(status === 'draft' || status === 'planning') && (
        <>
          <p style={{ color: 'var(--theme-elevation-500)' }}>{t('planHelp')}</p>
          <Button onClick={ask} disabled={busy || asking !== null} buttonStyle="primary" size="small">
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
      {note && <p role="status">{note}</p>}
      <EndpointMessage message={message} />
      {asking && (
        <ConfirmDialog
          question={c('dispatchQuestion', { total: asking.total })}
          confirmLabel={c('confirmPlan')}
          backLabel={c('back')}
          busy={busy}
          onConfirm={plan}
          onBack={() => setAsking(null)}
        >
          <p>{c('byLanguage', { list: countList(asking.byLanguage, c('nobody')) })}</p>
          <p>{c('byChannel', { list: countList(asking.byChannel, c('nobody'), asking.channelLabels) })}</p>
        </ConfirmDialog>
      )}
      {status && status !== 'draft' && <LogExportLinks scope={`dispatch=${id}`} label={t('exportDispatch')} />}
      {status && status !== 'draft' && noticeId && (
        <LogExportLinks scope={`notice=${noticeId}`} label={t('exportNotice')} />
      )}
    </div>
  )
}
