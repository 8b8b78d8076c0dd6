'use client'
import { Button, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'
import { adminT } from '../i18n/admin/adminT.ts'
import { ConfirmDialog } from './ConfirmDialog.tsx'
import { answerLine, EndpointMessage, readAnswer, useApiUrl, useEndpointCall } from './staffEndpoint.tsx'

type Counts = { total: number; en: number; ru: number; both: number; next: number; confirmation: string }
type Audience = 'all' | 'group' | 'chosen'

/**
 * In a press release's sidebar: send it ahead to vetted journalists (all, a group, or chosen
 * people) while its embargo is still ahead, after a confirmation with the counts per language
 * (docs/adr/0043). The endpoints decide who may (editors and admins) and whether the release is
 * under embargo; revoking is the "Revoked" box on the advance send or on one link.
 */
export function AdvanceSend() {
  const { id } = useDocumentInfo()
  const t = adminT(useTranslation().t, 'advanceSend')
  const status = useFormFields(([fields]) => fields._status?.value) as string | undefined
  const embargo = useFormFields(([fields]) => fields.embargoUntil?.value) as string | undefined
  const api = useApiUrl()
  const { busy, message, call } = useEndpointCall()
  const [audience, setAudience] = useState<Audience>('all')
  const [target, setTarget] = useState('')
  const [requireTerms, setRequireTerms] = useState(false)
  const [counts, setCounts] = useState<Counts | null>(null)
  const [note, setNote] = useState<string | null>(null)

  const parts = () => {
    const query: Record<string, string> = { id: String(id), audience }
    if (audience === 'group') query.group = target.trim()
    if (audience === 'chosen') query.journalists = target.replace(/\s+/g, '')
    return query
  }

  const ask = async () => {
    setNote(null)
    const response = await fetch(`${api}/advance/recipients?${new URLSearchParams(parts())}`, {
      credentials: 'include',
    })
    const answer = await readAnswer<Counts>(response)
    if (!response.ok) return setNote(answerLine(response, answer))
    setCounts(answer)
  }

  const send = async () => {
    if (!counts) return
    const confirmation = counts.confirmation
    setCounts(null)
    await call(`${api}/advance/send`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...parts(), requireTerms, confirmation }),
    })
  }

  const ahead = Boolean(id) && status === 'published' && Boolean(embargo) && new Date(embargo!).getTime() > Date.now()
  return (
    <div style={{ marginBottom: 'var(--base)' }} data-testid="advance-send">
      <h4>{t('panelTitle')}</h4>
      {!ahead ? (
        <p style={{ color: 'var(--theme-elevation-500)' }}>{t('onlyEmbargoed')}</p>
      ) : (
        <>
          <select
            aria-label={t('panelTitle')}
            value={audience}
            onChange={(event) => setAudience(event.target.value as Audience)}
          >
            <option value="all">{t('audienceAll')}</option>
            <option value="group">{t('audienceGroup')}</option>
            <option value="chosen">{t('audienceChosen')}</option>
          </select>
          {audience !== 'all' && (
            <input
              aria-label={audience === 'group' ? t('audienceGroup') : t('audienceChosen')}
              value={target}
              onChange={(event) => setTarget(event.target.value)}
            />
          )}
          <label style={{ display: 'block' }}>
            <input type="checkbox" checked={requireTerms} onChange={(event) => setRequireTerms(event.target.checked)} />{' '}
            {t('requireTerms')}
          </label>
          <Button onClick={ask} disabled={busy} buttonStyle="secondary" size="small">
            {t('count')}
          </Button>
        </>
      )}
      {note && <p role="status">{note}</p>}
      <EndpointMessage message={message} />
      {counts && (
        <ConfirmDialog
          question={t('counts', counts)}
          confirmLabel={t('send')}
          backLabel={t('back')}
          busy={busy}
          onConfirm={send}
          onBack={() => setCounts(null)}
        />
      )}
    </div>
  )
}
