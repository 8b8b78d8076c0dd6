'use client'
import { PublishButton, useDocumentInfo, useFormFields, useLocale, useTranslation } from '@payloadcms/ui'
import { relationId } from '@pressroom/shared'
import { type MouseEvent, useRef, useState } from 'react'
import { adminT } from '../i18n/admin/adminT.ts'
import { ConfirmDialog, countList } from './ConfirmDialog.tsx'
import { type LanguageAwareCounts, languageAwareCounts } from './languageAwareCounts.ts'
import { answerLine, readAnswer, useApiUrl } from './staffEndpoint.tsx'

type Counts = LanguageAwareCounts & { total: number; inDigests?: number; graceSeconds: number }

/** Payload's publish button and its "publish in <language>" entry: the clicks that publish. */
const publishingClick = '#action-save, #publish-locale'

/**
 * Payload's own publish button for press releases, whose publishing e-mails subscribers: a click
 * that publishes first shows how many subscribers, per language, the e-mail reaches, and
 * publishes only when confirmed (the same click, let through). Publishing that nobody clicks
 * (scheduled, through the API) is covered by the grace period instead (docs/adr/0039).
 */
export function ConfirmingPublishButton(props: { label?: string }) {
  const { id, collectionSlug } = useDocumentInfo()
  const { code: locale } = useLocale()
  const c = adminT(useTranslation().t, 'confirm')
  const d = adminT(useTranslation().t, 'digests')
  const say = adminT(useTranslation().t, 'langNotices')
  const topics = useFormFields(([fields]) => fields.topics?.value) as unknown[] | undefined
  const title = useFormFields(([fields]) => fields.title?.value) as string | undefined
  const api = useApiUrl()
  const letThrough = useRef(false)
  const [asking, setAsking] = useState<{ counts: Counts; target: HTMLElement } | null>(null)
  const [note, setNote] = useState<string | null>(null)

  const publishNow = (target: HTMLElement) => {
    letThrough.current = true
    target.click()
  }

  const onClickCapture = async (event: MouseEvent) => {
    const target = (event.target as HTMLElement).closest<HTMLElement>(publishingClick)
    if (!target || (target as HTMLButtonElement).disabled) return
    if (letThrough.current) {
      letThrough.current = false
      return
    }
    event.preventDefault()
    event.stopPropagation()
    setNote(c('counting'))
    const query = new URLSearchParams({
      collection: String(collectionSlug),
      id: String(id ?? 0),
      draft: '1',
      topics: (topics ?? []).map((t) => String(relationId(t as never))).join(','),
      ...(title ? { locale } : {}),
    })
    const response = await fetch(`${api}/mail/publication-recipients?${query}`, { credentials: 'include' })
    const answer = await readAnswer<Counts>(response)
    if (!response.ok) return setNote(c('countFailed', { error: answerLine(response, answer) }))
    setNote(null)
    // Nothing would be e-mailed (every language sent already, or nobody subscribed): publish at once.
    if (answer.total === 0) return publishNow(target)
    setAsking({ counts: answer, target })
  }

  return (
    <div onClickCapture={onClickCapture} style={{ display: 'contents' }}>
      <PublishButton {...props} />
      {note && <span role="status">{note}</span>}
      {asking && (
        <ConfirmDialog
          question={c('publishQuestion', {
            total: asking.counts.total,
            languages: countList(languageAwareCounts(asking.counts, say), c('nobody')),
          })}
          confirmLabel={c('confirmPublish')}
          backLabel={c('back')}
          onConfirm={() => {
            const { target } = asking
            setAsking(null)
            publishNow(target)
          }}
          onBack={() => setAsking(null)}
        >
          {(asking.counts.inDigests ?? 0) > 0 && <p>{d('inDigests', { count: asking.counts.inDigests })}</p>}
          {asking.counts.graceSeconds > 0 && <p>{c('graceNote', { seconds: asking.counts.graceSeconds })}</p>}
        </ConfirmDialog>
      )}
    </div>
  )
}
