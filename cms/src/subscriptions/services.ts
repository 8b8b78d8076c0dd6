import { randomUUID } from 'node:crypto'
import { type DocumentKind, documentKinds, isLocale, type Locale, localeCodes } from '@pressroom/shared'
import type { Payload } from 'payload'
import { execute, jsonValue, now, num, parseJson, queryRows, sql } from '../db/sql.ts'
import { cancelPendingDeliveries, isValidEmail, normalizeEmail, planSend, type Recipient } from '../mail/index.ts'
import type { Subscriber } from '../payload-types.ts'
import { forgetAddressInMailRecords } from '../retention/forgetAddress.ts'
import { type MessageKey, t } from './i18n.ts'
import { mailSettings } from './settings.ts'
import { confirmTokenLifetimeMs, signToken, type TokenPurpose, verifyToken } from './tokens.ts'

export type Preferences = { languages: Locale[]; kinds: DocumentKind[]; topics: string[] }
export type SubscribeRequest = Preferences & { email: string; locale: Locale }

const kindValues: readonly string[] = documentKinds.map((k) => k.kind)

type Invalid = { ok: false; error: MessageKey; field: string }

const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value]).map(String)

/** Topic slugs known to the CMS, kept for a minute (the subscribe endpoint reads them on every request). */
let topicCache: { at: number; bySlug: Map<string, number> } | undefined
export async function topicIdsBySlug(payload: Payload): Promise<Map<string, number>> {
  if (topicCache && Date.now() - topicCache.at < 60_000) return topicCache.bySlug
  const topics = await payload.find({ collection: 'topics', limit: 1000, depth: 0, pagination: false, locale: 'en' })
  const bySlug = new Map(topics.docs.filter((d) => d.slug).map((d) => [String(d.slug), d.id]))
  topicCache = { at: Date.now(), bySlug }
  return bySlug
}

export function forgetTopicCache() {
  topicCache = undefined
}

/** Checks the preference fields of a form (languages required; kinds and topics optional, none = all). */
export function validatePreferences(
  fields: Record<string, unknown>,
  knownTopics: Map<string, number>,
): { ok: true; value: Preferences } | Invalid {
  const languages = [...new Set(list(fields.languages))]
  if (languages.length === 0 || languages.length > localeCodes.length || !languages.every(isLocale)) {
    return { ok: false, error: 'error.languages', field: 'languages' }
  }
  const kinds = [...new Set(list(fields.kinds))]
  if (kinds.length > kindValues.length || !kinds.every((k) => kindValues.includes(k))) {
    return { ok: false, error: 'error.kinds', field: 'kinds' }
  }
  const topics = [...new Set(list(fields.topics))]
  if (topics.length > 100 || !topics.every((slug) => knownTopics.has(slug))) {
    return { ok: false, error: 'error.topics', field: 'topics' }
  }
  return { ok: true, value: { languages: languages as Locale[], kinds: kinds as DocumentKind[], topics } }
}

export function validateSubscribe(
  fields: Record<string, unknown>,
  knownTopics: Map<string, number>,
): { ok: true; value: SubscribeRequest } | Invalid {
  const rawEmail = list(fields.email)
  const email = rawEmail.length === 1 ? normalizeEmail(rawEmail[0]!) : ''
  if (!isValidEmail(email)) return { ok: false, error: 'error.email', field: 'email' }
  const locale = list(fields.locale)[0] ?? 'en'
  if (!isLocale(locale)) return { ok: false, error: 'error.locale', field: 'locale' }
  const preferences = validatePreferences(fields, knownTopics)
  if (!preferences.ok) return preferences
  return { ok: true, value: { email, locale, ...preferences.value } }
}

/** How often one address may be sent a confirmation e-mail. */
const confirmationInterval = 10 * 60_000

/**
 * Records a request to subscribe in one statement (new address, or new preferences waiting on
 * an existing one) and marks a confirmation e-mail as due. Nothing else changes until the
 * address confirms, so the answer is the same whether or not it was known.
 */
export async function requestSubscription(payload: Payload, request: SubscribeRequest): Promise<void> {
  const at = now()
  const requested = jsonValue(payload, {
    languages: request.languages,
    kinds: request.kinds,
    topics: request.topics,
    locale: request.locale,
  })
  const resendBefore = new Date(Date.now() - confirmationInterval).toISOString()
  await execute(
    payload,
    sql`INSERT INTO "subscribers" ("email", "status", "locale", "requested", "requested_at", "confirmation_due_at", "token_version", "updated_at", "created_at")
        VALUES (${request.email}, 'pending', ${request.locale}, ${requested}, ${at}, ${at}, 1, ${at}, ${at})
        ON CONFLICT ("email") DO UPDATE SET
          "requested" = excluded."requested",
          "requested_at" = excluded."requested_at",
          "locale" = CASE WHEN "subscribers"."status" = 'active' THEN "subscribers"."locale" ELSE excluded."locale" END,
          "confirmation_due_at" = CASE
            WHEN "subscribers"."confirmation_sent_at" IS NULL OR "subscribers"."confirmation_sent_at" < ${resendBefore}
            THEN excluded."confirmation_due_at" ELSE "subscribers"."confirmation_due_at" END,
          "updated_at" = excluded."updated_at"`,
  )
}

export function subscriberLinks(cmsUrl: string, subscriber: { id: number; tokenVersion: number }) {
  const token = (purpose: TokenPurpose, expires?: number) =>
    signToken({ purpose, subscriber: subscriber.id, version: subscriber.tokenVersion, expires })
  return {
    confirmUrl: `${cmsUrl}/subscriptions/confirm?token=${token('confirm', Date.now() + confirmTokenLifetimeMs)}`,
    preferencesUrl: `${cmsUrl}/subscriptions/preferences?token=${token('manage')}`,
    unsubscribeUrl: `${cmsUrl}/subscriptions/unsubscribe?token=${token('unsubscribe')}`,
  }
}

/**
 * Plans the confirmation e-mails that are due, one send per sweep and language. Subscribers
 * are first marked with the sweep, so a sweep interrupted by a crash is finished by the next
 * run under the same send key, and nobody gets two confirmations for one request.
 */
export async function planDueConfirmations(payload: Payload): Promise<number> {
  const sweepAt = now()
  await execute(
    payload,
    sql`UPDATE "subscribers" SET "confirmation_sweep" = ${randomUUID()}
        WHERE "id" IN (SELECT "id" FROM "subscribers" WHERE "confirmation_due_at" IS NOT NULL
                       AND "confirmation_due_at" <= ${sweepAt} AND "confirmation_sweep" IS NULL ORDER BY "id" LIMIT 1000)
        AND "confirmation_sweep" IS NULL`,
  )
  const sweeps = await queryRows<{ confirmation_sweep: string }>(
    payload,
    sql`SELECT DISTINCT "confirmation_sweep" FROM "subscribers" WHERE "confirmation_sweep" IS NOT NULL`,
  )
  if (sweeps.length === 0) return 0
  const settings = await mailSettings(payload)
  let planned = 0
  for (const { confirmation_sweep: sweep } of sweeps) {
    const rows = await queryRows<{
      id: unknown
      email: string
      locale: string
      token_version: unknown
      status: string
    }>(
      payload,
      sql`SELECT "id", "email", "locale", "token_version", "status" FROM "subscribers" WHERE "confirmation_sweep" = ${sweep}`,
    )
    for (const locale of localeCodes) {
      const recipients: Recipient[] = rows
        .filter((r) => (isLocale(r.locale) ? r.locale : 'en') === locale)
        .map((r) => {
          const id = num(r.id)
          const links = subscriberLinks(settings.cmsUrl, { id, tokenVersion: num(r.token_version) })
          return {
            key: `subscriber:${id}`,
            email: r.email,
            subscriber: id,
            variables: { confirmUrl: links.confirmUrl },
          }
        })
      if (recipients.length === 0) continue
      const org = settings.organizationName[locale]
      const result = await planSend(payload, {
        key: `confirmations:${sweep}:${locale}`,
        label: `Confirmation e-mails (${locale}, ${recipients.length})`,
        purpose: 'confirmation',
        message: await (await import('./emails.tsx')).confirmationTemplate(locale, org, settings.from),
        recipients,
      })
      planned += result.planned
    }
    await execute(
      payload,
      sql`UPDATE "subscribers" SET "confirmation_sweep" = NULL, "confirmation_sent_at" = ${sweepAt},
            "confirmation_due_at" = CASE WHEN "confirmation_due_at" <= ${sweepAt} THEN NULL ELSE "confirmation_due_at" END
          WHERE "confirmation_sweep" = ${sweep}`,
    )
  }
  return planned
}

export type TokenProblem = 'error.token' | 'error.expired'

/** The subscriber a link is for, when its token is genuine, of the right purpose and not revoked. */
export async function subscriberFromToken(
  payload: Payload,
  token: unknown,
  purpose: TokenPurpose,
): Promise<{ ok: true; subscriber: Subscriber } | { ok: false; error: TokenProblem }> {
  const check = verifyToken(token, purpose)
  if (!check.ok) return { ok: false, error: check.reason === 'expired' ? 'error.expired' : 'error.token' }
  const subscriber = await payload
    .findByID({ collection: 'subscribers', id: check.claims.subscriber, depth: 0, disableErrors: true })
    .catch(() => null)
  if (!subscriber || subscriber.tokenVersion !== check.claims.version || subscriber.endReason === 'erased') {
    return { ok: false, error: 'error.token' }
  }
  return { ok: true, subscriber }
}

type Requested = Partial<Preferences> & { locale?: string }

export function requestedPreferences(subscriber: Subscriber): Requested | null {
  return subscriber.requested ? parseJson<Requested>(subscriber.requested) : null
}

export function consentText(locale: Locale, org: string, prefs: Preferences): string {
  const all = t(locale, 'summary.all')
  return t(locale, 'consent.text', {
    org,
    languages: prefs.languages.map((l) => t(locale, `language.${l}` as MessageKey)).join(', '),
    kinds: prefs.kinds.length ? prefs.kinds.map((k) => t(locale, `kind.${k}` as MessageKey)).join(', ') : all,
    topics: prefs.topics.length ? prefs.topics.join(', ') : all,
  })
}

/** Applies the preferences waiting for confirmation and records consent. Repeating it changes nothing. */
export async function confirmSubscription(payload: Payload, subscriber: Subscriber): Promise<'confirmed' | 'nothing'> {
  const requested = requestedPreferences(subscriber)
  if (!requested) return 'nothing'
  const known = await topicIdsBySlug(payload)
  const prefs: Preferences = {
    languages: (requested.languages ?? []).filter(isLocale),
    kinds: (requested.kinds ?? []).filter((k): k is DocumentKind => kindValues.includes(k)),
    topics: (requested.topics ?? []).filter((slug) => known.has(slug)),
  }
  if (prefs.languages.length === 0) return 'nothing'
  const locale = isLocale(requested.locale) ? requested.locale : subscriber.locale
  const settings = await mailSettings(payload)
  const at = now()
  await payload.update({
    collection: 'subscribers',
    id: subscriber.id,
    data: {
      status: 'active',
      endReason: null,
      endedAt: null,
      languages: prefs.languages,
      kinds: prefs.kinds,
      topics: prefs.topics.map((slug) => known.get(slug)!),
      locale,
      confirmedAt: at,
      consent: {
        at,
        text: consentText(locale, settings.organizationName[locale], prefs),
        policyVersion: settings.policyVersion,
      },
      requested: null,
    },
  })
  return 'confirmed'
}

export async function updatePreferences(payload: Payload, subscriber: Subscriber, prefs: Preferences): Promise<void> {
  const known = await topicIdsBySlug(payload)
  const settings = await mailSettings(payload)
  await payload.update({
    collection: 'subscribers',
    id: subscriber.id,
    data: {
      languages: prefs.languages,
      kinds: prefs.kinds,
      topics: prefs.topics.map((slug) => known.get(slug)!),
      ...(subscriber.status === 'active'
        ? {
            consent: {
              at: now(),
              text: consentText(subscriber.locale, settings.organizationName[subscriber.locale], prefs),
              policyVersion: settings.policyVersion,
            },
          }
        : {}),
    },
  })
}

/** Ends the subscription (reason: unsubscribed) and cancels what is still planned. Safe to repeat. */
export async function unsubscribe(payload: Payload, subscriber: Subscriber): Promise<void> {
  const at = now()
  await execute(
    payload,
    sql`UPDATE "subscribers" SET "status" = 'ended', "end_reason" = 'unsubscribed', "ended_at" = ${at},
          "requested" = NULL, "confirmation_due_at" = NULL, "updated_at" = ${at}
        WHERE "id" = ${subscriber.id} AND "status" <> 'ended'`,
  )
  await cancelPendingDeliveries(payload, { subscriber: subscriber.id }, 'unsubscribed')
}

/** Everything held about a subscriber, for a data access request. */
export async function exportSubscriberData(payload: Payload, subscriber: Subscriber) {
  const deliveries = await queryRows<{ label: string; status: string; created_at: unknown; updated_at: unknown }>(
    payload,
    sql`SELECT "s"."label", "d"."status", "d"."created_at", "d"."updated_at" FROM "deliveries" "d"
        JOIN "sends" "s" ON "s"."id" = "d"."send_id" WHERE "d"."subscriber_id" = ${subscriber.id} ORDER BY "d"."id"`,
  )
  const topics = await payload.find({
    collection: 'topics',
    where: { id: { in: (subscriber.topics ?? []).map((t) => (typeof t === 'object' ? t.id : t)) } },
    depth: 0,
    pagination: false,
  })
  return {
    exportedAt: now(),
    email: subscriber.email,
    status: subscriber.status,
    endReason: subscriber.endReason ?? null,
    endedAt: subscriber.endedAt ?? null,
    languages: subscriber.languages ?? [],
    kinds: subscriber.kinds ?? [],
    topics: topics.docs.map((d) => d.slug),
    pageLanguage: subscriber.locale,
    subscribedAt: subscriber.createdAt,
    confirmedAt: subscriber.confirmedAt ?? null,
    consent: subscriber.consent ?? null,
    waitingForConfirmation: requestedPreferences(subscriber),
    emails: deliveries.map((d) => ({
      what: d.label,
      status: d.status,
      planned: String(d.created_at),
      lastChange: String(d.updated_at),
    })),
  }
}

/**
 * Erases a subscriber's personal data on request: the address and preferences go, every link
 * stops working (token version), and the rows that remain (for the send counters) hold no
 * address; nor do webhook events or the outbox (docs/adr/0031). The subscription ends with the reason "erased".
 */
export async function eraseSubscriber(payload: Payload, subscriber: Subscriber): Promise<void> {
  await cancelPendingDeliveries(payload, { subscriber: subscriber.id }, 'erased')
  const placeholder = `erased-${subscriber.id}@erased.invalid`
  await forgetAddressInMailRecords(payload, { subscriber: subscriber.id, email: subscriber.email, placeholder })
  const at = now()
  await payload.update({
    collection: 'subscribers',
    id: subscriber.id,
    data: {
      status: 'ended',
      endReason: 'erased',
      endedAt: at,
      languages: [],
      kinds: [],
      topics: [],
      consent: { at: null, text: null, policyVersion: null },
      requested: null,
      confirmationDueAt: null,
      tokenVersion: subscriber.tokenVersion + 1,
    },
  })
  await execute(payload, sql`UPDATE "subscribers" SET "email" = ${placeholder} WHERE "id" = ${subscriber.id}`)
  await execute(
    payload,
    sql`UPDATE "deliveries" SET "email" = ${placeholder}, "payload" = NULL, "variables" = NULL WHERE "subscriber_id" = ${subscriber.id}`,
  )
}
