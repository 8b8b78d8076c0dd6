import { createHash } from 'node:crypto'
import { isLocale, type Locale, localeCodes, relationId } from '@pressroom/shared'
import type { Payload } from 'payload'
import { num, queryRows, sql } from '../../db/sql.ts'
import { type MailSettings, planSend, type Recipient } from '../../mail/index.ts'
import { subscriberLinks } from '../subscriberLinks.ts'
import { digestMessage } from './digestMessage.ts'
import type { DigestPeriod } from './digestPeriods.ts'
import { type DigestItem, releasedInPeriod, writtenIn } from './releasedInPeriod.ts'

type DigestSubscriber = { id: number; email: string; tokenVersion: number; kinds: string[]; topicIds: number[] }

/** What this subscriber's digest in this language lists: its kinds (none = all) and topics (none = all). */
const itemsFor = (s: DigestSubscriber, items: DigestItem[], locale: Locale) =>
  items.filter(
    (item) =>
      writtenIn(item, locale) &&
      (s.kinds.length === 0 || s.kinds.includes(item.kind)) &&
      (s.topicIds.length === 0 || item.topicIds.some((id) => s.topicIds.includes(id))),
  )

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16)

/**
 * Plans a period's digests: for each language, each active subscriber of the period's frequency
 * who chose it gets one e-mail listing the period's releases that match them, none if nothing
 * does. Subscribers with the same list share a send (`<period>:<language>:<hash>`); a subscriber
 * already in a send of this period and language is left out, so a run cut short by a crash is
 * finished without a duplicate, and each send is planned whole or not at all (mail/plan.ts).
 */
export async function planDigestPeriod(payload: Payload, period: DigestPeriod, settings: MailSettings) {
  const items = await releasedInPeriod(payload, period.start, period.end)
  if (items.length === 0) return 0
  const found = await payload.find({
    collection: 'subscribers',
    where: { and: [{ status: { equals: 'active' } }, { frequency: { equals: period.kind } }] },
    depth: 0,
    pagination: false,
  })
  let planned = 0
  for (const locale of localeCodes) {
    const done = new Set(
      (
        await queryRows<{ subscriber_id: unknown }>(
          payload,
          sql`SELECT DISTINCT "d"."subscriber_id" FROM "deliveries" "d" JOIN "sends" "s" ON "s"."id" = "d"."send_id"
              WHERE "s"."key" LIKE ${`${period.key}:${locale}:%`}`,
        )
      ).map((r) => num(r.subscriber_id)),
    )
    const groups = new Map<string, { items: DigestItem[]; subscribers: DigestSubscriber[] }>()
    for (const s of found.docs) {
      if (done.has(s.id) || !(s.languages ?? []).filter(isLocale).includes(locale)) continue
      const subscriber: DigestSubscriber = {
        id: s.id,
        email: s.email,
        tokenVersion: s.tokenVersion,
        kinds: s.kinds ?? [],
        topicIds: (s.topics ?? []).map((t) => num(relationId(t))),
      }
      const theirs = itemsFor(subscriber, items, locale)
      if (theirs.length === 0) continue
      const listed = theirs.map((i) => `${i.kind}:${i.id}`).join(',')
      const group = groups.get(listed) ?? { items: theirs, subscribers: [] }
      group.subscribers.push(subscriber)
      groups.set(listed, group)
    }
    for (const [listed, group] of groups) {
      const recipients: Recipient[] = group.subscribers.map((s) => {
        const links = subscriberLinks(settings.cmsUrl, { id: s.id, tokenVersion: s.tokenVersion })
        return {
          key: `subscriber:${s.id}`,
          email: s.email,
          subscriber: s.id,
          variables: { unsubscribeUrl: links.unsubscribeUrl, preferencesUrl: links.preferencesUrl },
        }
      })
      // The list and the recipients name the send: a repeat of the same plan finds it planned.
      const key = `${period.key}:${locale}:${digest(`${listed}|${group.subscribers.map((s) => s.id).join(',')}`)}`
      const result = await planSend(payload, {
        key,
        label: `Digest ${period.key.slice('digest:'.length)} (${locale}, ${group.items.length})`,
        purpose: 'digest',
        message: await digestMessage(period, group.items, locale, settings),
        recipients,
        source: { digest: period.key, locale, documents: listed },
      })
      planned += result.planned
    }
  }
  return planned
}
