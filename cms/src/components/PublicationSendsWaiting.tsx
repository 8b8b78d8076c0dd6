'use client'
import { Button, useTranslation } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'
import { adminT } from '../i18n/admin/adminT.ts'
import { answerLine, readAnswer, useApiUrl } from './staffEndpoint.tsx'

type SendState = {
  id: number
  locale: string
  status: string
  planned: number
  holdUntil: string | null
  waitingForPageSince: string | null
  cancelledAt: string | null
  cancelledBy: string | null
}

/** After this long without its page going live, a waiting e-mail is shown with a warning (docs/adr/0044). */
const pageLateAfterMs = 10 * 60_000

/**
 * A publication's e-mails in their grace period ("E-mail to 123 subscribers (en) goes at 14:32 —
 * Cancel"), those waiting for their page to be live on the site, and those cancelled, read every few seconds while the page is open: a send planned by
 * publishing or by an embargo's end appears without a reload.
 */
export function PublicationSendsWaiting(props: { collection: string; id: number | string; generation: number }) {
  const { t: payloadT, i18n } = useTranslation()
  const c = adminT(payloadT, 'confirm')
  const live = adminT(payloadT, 'liveBeforeMail')
  const api = useApiUrl()
  const [sends, setSends] = useState<SendState[]>([])
  const [message, setMessage] = useState<string | null>(null)

  const load = useCallback(async () => {
    const query = new URLSearchParams({ collection: props.collection, id: String(props.id) })
    const response = await fetch(`${api}/mail/publication-sends?${query}`, { credentials: 'include' })
    if (response.ok) setSends((await readAnswer<{ sends: SendState[] }>(response)).sends ?? [])
  }, [api, props.collection, props.id])

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `generation` (a send just planned) reads at once, not at the next poll.
  useEffect(() => {
    void load()
    const timer = setInterval(load, 5000)
    return () => clearInterval(timer)
  }, [load, props.generation])

  const cancel = async (sendId: number) => {
    const response = await fetch(`${api}/mail/sends/${sendId}/cancel`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
      credentials: 'include',
    })
    setMessage(answerLine(response, await readAnswer(response)))
    await load()
  }

  const time = (iso: string) =>
    new Date(iso).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit' })
  const forPage = sends.filter((s) => s.status === 'sending' && s.waitingForPageSince)
  const waiting = sends.filter(
    (s) => s.status === 'sending' && !s.waitingForPageSince && s.holdUntil && Date.parse(s.holdUntil) > Date.now(),
  )
  const lateMinutes = (since: string) => {
    const late = Date.now() - Date.parse(since)
    return late >= pageLateAfterMs ? Math.floor(late / 60_000) : null
  }
  const cancelled = sends.filter((s) => s.status === 'cancelled')

  return (
    <div>
      {waiting.map((send) => (
        <p key={send.id} data-send-waiting={send.id}>
          {c('waiting', { count: send.planned, locale: send.locale, time: time(send.holdUntil as string) })}{' '}
          <Button onClick={() => cancel(send.id)} buttonStyle="secondary" size="small">
            {c('cancelSend')}
          </Button>
        </p>
      ))}
      {forPage.map((send) => {
        const minutes = lateMinutes(send.waitingForPageSince as string)
        return (
          <div key={send.id} data-send-waits-for-page={send.id}>
            <p>
              {live('waitsForPage', { count: send.planned, locale: send.locale })}{' '}
              <Button onClick={() => cancel(send.id)} buttonStyle="secondary" size="small">
                {c('cancelSend')}
              </Button>
            </p>
            {minutes !== null && (
              <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
                {live('notLiveYet', { minutes })}
              </p>
            )}
          </div>
        )
      })}
      {cancelled.map((send) => (
        <p key={send.id} style={{ color: 'var(--theme-elevation-500)' }}>
          {c('cancelledBy', {
            locale: send.locale,
            who: send.cancelledBy ?? '?',
            time: send.cancelledAt ? time(send.cancelledAt) : '?',
          })}
        </p>
      ))}
      {message && (
        <p role="status">
          <strong>{message}</strong>
        </p>
      )}
    </div>
  )
}
