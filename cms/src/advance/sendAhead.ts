import type { Locale } from '@pressroom/shared'
import type { Payload, PayloadRequest } from 'payload'
import { inTransaction, sameTransaction } from '../db/transaction.ts'
import { mailSettings, planSend } from '../mail/index.ts'
import { requirePayloadSecret } from '../secrets/payloadSecret.ts'
import { advanceMessage, linkVariable } from './advanceMessage.ts'
import { type Audience, type AudienceCounts, audienceMembers, countMembers } from './audience.ts'
import { advanceCollection, type EmbargoedRelease, loadRelease } from './release.ts'
import { advancePath, linkLifetimeAfterEmbargoMs, signAdvanceToken } from './token.ts'

/** The key of a release's n-th advance send; each language set's e-mails are planned under it plus `:en`, `:ru`, `:en+ru`. */
export const advanceSendKey = (id: number, n: number) => `advance:${advanceCollection}:${id}:${n}`

/** How many advance sends a release has had: the next one is this plus one. */
async function sendsSoFar(payload: Payload, release: number, req?: PayloadRequest): Promise<number> {
  const { totalDocs } = await payload.count({
    collection: 'advance-sends',
    where: { release: { equals: release } },
    overrideAccess: true,
    req,
  })
  return totalDocs
}

export type AdvancePlan = { release: EmbargoedRelease; counts: AudienceCounts }

/** What sending ahead now would do, for the counts staff confirm; null when the release is not under embargo. */
export async function planAdvance(payload: Payload, id: number, audience: Audience): Promise<AdvancePlan | null> {
  const loaded = await loadRelease(payload, id, { defaultZone: (await mailSettings(payload)).timeZone })
  if (loaded.state !== 'embargoed') return null
  const members = await audienceMembers(payload, audience, loaded.release.languages)
  return { release: loaded.release, counts: countMembers(members, (await sendsSoFar(payload, id)) + 1) }
}

export type SendAheadInput = { id: number; audience: Audience; requireTerms: boolean; by: number | string }
export type SendAheadResult = { sendId: number | string; key: string; recipients: number } | null

/**
 * Sends an embargoed release ahead (docs/adr/0043): one `advance-sends` row, one `advance-links`
 * row per journalist and the e-mails planned in the delivery core, all in one transaction, so a
 * crash leaves the whole send or nothing, and the worker delivers each e-mail exactly once. The
 * send's number is in the counts staff confirmed: repeating a request finds counts changed.
 */
export async function sendAhead(payload: Payload, input: SendAheadInput): Promise<SendAheadResult> {
  const settings = await mailSettings(payload)
  const secret = requirePayloadSecret()
  return inTransaction(payload, async (req) => {
    const loaded = await loadRelease(payload, input.id, { req: sameTransaction(req), defaultZone: settings.timeZone })
    if (loaded.state !== 'embargoed') return null
    const { release } = loaded
    const members = await audienceMembers(payload, input.audience, release.languages, sameTransaction(req))
    const number = (await sendsSoFar(payload, input.id, sameTransaction(req))) + 1
    const key = advanceSendKey(input.id, number)
    const send = await payload.create({
      collection: 'advance-sends',
      data: {
        key,
        release: input.id,
        number,
        audience: input.audience.kind,
        group: input.audience.kind === 'group' ? input.audience.group : undefined,
        recipients: members.length,
        requireTerms: input.requireTerms,
        sentBy: Number(input.by),
      },
      overrideAccess: true,
      req: sameTransaction(req),
    })
    const expires = new Date(release.embargo.getTime() + linkLifetimeAfterEmbargoMs)
    const bySet = new Map<string, { locales: Locale[]; recipients: Parameters<typeof planSend>[1]['recipients'] }>()
    const sentAt = new Date().toISOString()
    for (const member of members) {
      const link = await payload.create({
        collection: 'advance-links',
        data: { send: send.id, journalist: member.id, email: member.email, languages: member.locales, sentAt },
        overrideAccess: true,
        req: sameTransaction(req),
      })
      const variables: Record<string, string> = { name: member.name }
      for (const locale of member.locales) {
        variables[linkVariable(locale)] =
          `${settings.cmsUrl}${advancePath(signAdvanceToken(secret, link, locale, expires))}`
      }
      const set = member.locales.join('+')
      const entry = bySet.get(set) ?? { locales: member.locales, recipients: [] }
      entry.recipients.push({ key: `journalist:${member.id}`, email: member.email, variables })
      bySet.set(set, entry)
    }
    for (const [set, { locales, recipients }] of bySet) {
      await planSend(
        payload,
        {
          key: `${key}:${set}`,
          label: `${advanceSendKey(input.id, number)} (${set})`,
          purpose: 'advance',
          message: advanceMessage(release, locales, settings),
          recipients,
          source: { collection: advanceCollection, id: input.id, advanceSend: send.id, locales },
        },
        req,
      )
    }
    return { sendId: send.id, key, recipients: members.length }
  })
}
