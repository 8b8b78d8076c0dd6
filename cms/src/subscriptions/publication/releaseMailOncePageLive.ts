import {
  type DocumentCollection,
  documentCollections,
  documentPath,
  kindByCollection,
  type Locale,
} from '@pressroom/shared'
import type { Payload } from 'payload'
import { wakeQueueAt } from '../../jobs/wakeQueue.ts'
import { mailQueue, mailSettings, releaseWaitingSends, waitingSends } from '../../mail/index.ts'
import { pageLiveCheck, pageLiveReason } from './pageLiveSettings.ts'

/**
 * Lets the publication e-mails whose page is now live go (docs/adr/0044). Run by every
 * `deliverMail` job before it sends, and at once when a site build succeeds: the state lives in
 * the database (`sends.waitingFor`, `site-builds`), so after a crash the next run picks it up.
 * Returns the sends released.
 */
export async function releaseMailOncePageLive(payload: Payload): Promise<number[]> {
  const check = pageLiveCheck()
  if (check === 'nothing') {
    // No site to wait for (any more): whatever waited goes (a wait never begins after its planning).
    return releaseWaitingSends(payload, pageLiveReason, { upTo: new Date() })
  }
  if (check === 'build') {
    // The newest start, not the last finish: builds can end out of the order they started in, and
    // the builder never puts an older release back live (docs/adr/0019), so what is live is at
    // least as new as the latest start of any build that succeeded.
    const { docs } = await payload.find({
      collection: 'site-builds',
      where: { status: { equals: 'succeeded' }, target: { equals: 'local' }, startedAt: { exists: true } },
      sort: '-startedAt',
      limit: 1,
      depth: 0,
    })
    const live = docs[0]
    if (!live?.startedAt) return []
    return releaseWaitingSends(payload, pageLiveReason, { upTo: new Date(live.startedAt) })
  }
  const answering: number[] = []
  for (const send of await waitingSends(payload, pageLiveReason)) {
    if (await pageAnswers(payload, send.id)) answering.push(send.id)
  }
  return releaseWaitingSends(payload, pageLiveReason, { ids: answering })
}

/** The send's page answers 200 where the e-mail links to it (its PDF and kit are deployed with it). */
async function pageAnswers(payload: Payload, sendId: number): Promise<boolean> {
  const send = await payload.findByID({ collection: 'sends', id: sendId, depth: 0 }).catch(() => null)
  const source = send?.source as { collection?: string; id?: number; locale?: Locale } | null | undefined
  if (!source?.collection || !source.id || !source.locale) return false
  if (!documentCollections.includes(source.collection as DocumentCollection)) return false
  const doc = (await payload
    .findByID({ collection: source.collection as DocumentCollection, id: source.id, depth: 0, draft: false })
    .catch(() => null)) as { slug?: string | null } | null
  if (!doc) return false
  // The very address the e-mail links to (publicationMessage's webUrl).
  const { siteUrl } = await mailSettings(payload)
  const kind = kindByCollection(source.collection as DocumentCollection).kind
  const url = `${siteUrl}${documentPath(source.locale, kind, String(doc.slug ?? source.id))}`
  try {
    const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(10_000) })
    await response.arrayBuffer()
    return response.status === 200
  } catch {
    return false
  }
}

/** The e-mail queue's cron runs in this process (tests run its jobs by hand). */
export const mailRunnerOn = () => process.env.JOBS_AUTORUN_CRON !== 'off'

/**
 * Called when a site build succeeds: the e-mails its pages were waiting for go now, not at the
 * e-mail queue's next cron tick. A delivery run is queued and started here; if this process
 * stops first, the queue's own schedule sends them.
 */
export async function sendMailNowThatSiteIsLive(payload: Payload): Promise<void> {
  const released = await releaseMailOncePageLive(payload)
  if (released.length === 0 || !mailRunnerOn()) return
  await payload.jobs.queue({ task: 'deliverMail', queue: mailQueue, input: {} })
  wakeQueueAt(payload, mailQueue, new Date(), true, 5)
}
