import { isLocale, type Locale, relationId } from '@pressroom/shared'
import type { Payload } from 'payload'
import { publicFormBytes } from '../http/bodyLimits.ts'
import { publicPageResponse } from '../http/publicPage.ts'
import { type FormFields, firstValue, readPublicForm } from '../http/readPublicForm.ts'
import { frameSite } from '../i18n/reader/frame.ts'
import { type MessageKey, t } from '../i18n/reader/index.ts'
import { cachedMailSettings } from '../mail/index.ts'
import type { Subscriber } from '../payload-types.ts'
import { confirmSubscription } from './confirmSubscription.ts'
import { eraseSubscriber } from './eraseSubscriber.ts'
import { exportSubscriberData } from './exportSubscriberData.ts'
import { topicIdsBySlug } from './knownTopics.ts'
import {
  languageChoicesFieldsets,
  languageChoicesOf,
  languageChoicesSummary,
  validateLanguageChoices,
} from './languageChoices.ts'
import { buttonForm, errorBody, page, paragraph, preferencesForm, preferencesSummary } from './pages.ts'
import { type Preferences, requestedPreferences } from './preferences.ts'
import { subscribeWait } from './rateLimit.ts'
import { requestSubscription } from './requestSubscription.ts'
import { subscriberFromToken } from './subscriberFromToken.ts'
import type { TokenPurpose } from './tokens.ts'
import { unsubscribe } from './unsubscribe.ts'
import { updatePreferences } from './updatePreferences.ts'
import { validatePreferences } from './validatePreferences.ts'
import { validateSubscribe } from './validateSubscribe.ts'

/**
 * The public subscription endpoints under /subscriptions (Next route handlers in
 * app/(subscriptions)). Form posts get a small page in the reader's language; clients that
 * send `Accept: application/json` get JSON. Nothing is written unless the whole input is valid.
 */
export const maxFormBytes = publicFormBytes
export const basePath = '/subscriptions'

type Read = { ok: true; fields: FormFields } | { ok: false; status: number; error: MessageKey }

const wantsJson = (request: Request) => (request.headers.get('accept') ?? '').includes('application/json')

const formProblems = {
  tooLarge: { status: 413, error: 'error.tooLarge' },
  unreadable: { status: 400, error: 'error.contentType' },
  unsupported: { status: 415, error: 'error.contentType' },
} as const

/** Reads a form (urlencoded or multipart) or a JSON object, at most maxFormBytes. Repeated fields become arrays. */
export async function readFields(request: Request): Promise<Read> {
  const read = await readPublicForm(request, { fromScripts: true })
  return read.ok ? read : { ok: false, ...formProblems[read.problem] }
}

let originCache: { at: number; origin: string | undefined } | undefined

async function corsHeaders(payload: Payload, request: Request): Promise<Record<string, string>> {
  const origin = request.headers.get('origin')
  if (!origin) return {}
  if (!originCache || Date.now() - originCache.at > 30_000) {
    const { siteUrl } = await cachedMailSettings(payload)
    let allowed: string | undefined
    try {
      allowed = new URL(siteUrl).origin
    } catch {}
    originCache = { at: Date.now(), origin: allowed }
  }
  if (origin !== originCache.origin) return {}
  return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' }
}

/** CORS preflight for JSON clients on the site's origin. */
export async function handlePreflight(payload: Payload, request: Request): Promise<Response> {
  const cors = await corsHeaders(payload, request)
  if (!cors['Access-Control-Allow-Origin']) return new Response(null, { status: 403 })
  return new Response(null, {
    status: 204,
    headers: {
      ...cors,
      'Access-Control-Allow-Methods': 'POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Content-Type, Accept',
      'Access-Control-Max-Age': '600',
    },
  })
}

type Answer = {
  status: number
  locale: Locale
  title: MessageKey
  /** HTML below the title (already escaped). */
  html: string
  json: Record<string, unknown>
  headers?: Record<string, string>
}

async function answer(payload: Payload, request: Request, a: Answer): Promise<Response> {
  const cors = await corsHeaders(payload, request)
  if (wantsJson(request)) {
    const headers = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', ...cors, ...a.headers }
    return Response.json(a.json, { status: a.status, headers })
  }
  const site = frameSite(a.locale, await cachedMailSettings(payload))
  const html = page({ locale: a.locale, site, title: t(a.locale, a.title) }, a.html)
  return publicPageResponse(html, a.status, { ...cors, ...a.headers })
}

function failure(locale: Locale, status: number, error: MessageKey, field?: string, back = true): Answer {
  return {
    status,
    locale,
    title: 'error.title',
    html: errorBody(locale, error, back),
    json: { ok: false, error: t(locale, error), ...(field ? { field } : {}) },
  }
}

const localeOf = (value: unknown): Locale => {
  const first = firstValue(value)
  return isLocale(first) ? first : 'en'
}

/** POST /subscriptions/subscribe — the site's form. */
export async function handleSubscribe(payload: Payload, request: Request): Promise<Response> {
  const wait = await subscribeWait(payload, request)
  const queryLocale = localeOf(new URL(request.url).searchParams.get('locale'))
  if (wait > 0) {
    const a = failure(queryLocale, 429, 'error.rate', undefined, false)
    return answer(payload, request, { ...a, headers: { 'Retry-After': String(Math.ceil(wait / 1000)) } })
  }
  const read = await readFields(request)
  if (!read.ok) return answer(payload, request, failure(queryLocale, read.status, read.error))
  const locale = localeOf(read.fields.locale)
  const done: Answer = {
    status: 200,
    locale,
    title: 'subscribe.title',
    html: paragraph(t(locale, 'subscribe.body')),
    json: { ok: true, message: t(locale, 'subscribe.body') },
  }
  // A filled honeypot gets the same answer as everyone, and nothing is written.
  const honeypot = read.fields.website
  if (honeypot !== undefined && honeypot !== '' && !(Array.isArray(honeypot) && honeypot.every((v) => v === ''))) {
    return answer(payload, request, done)
  }
  const checked = validateSubscribe(read.fields, await topicIdsBySlug(payload))
  if (!checked.ok) return answer(payload, request, failure(locale, 400, checked.error, checked.field))
  const choices = validateLanguageChoices(read.fields)
  if (!choices.ok) return answer(payload, request, failure(locale, 400, choices.error, choices.field))
  await requestSubscription(payload, checked.value, choices.value)
  return answer(payload, request, done)
}

/** The token from the form, or else from the query string (links in e-mails, one-click unsubscribe). */
async function tokenAndFields(request: Request): Promise<{ token: unknown; read: Read }> {
  const query = new URL(request.url).searchParams.get('token')
  if (request.method === 'GET') return { token: query, read: { ok: true, fields: {} } }
  const read = await readFields(request)
  const fromForm = read.ok ? read.fields.token : undefined
  return { token: fromForm ?? query, read }
}

async function withSubscriber(
  payload: Payload,
  request: Request,
  purpose: TokenPurpose,
  then: (subscriber: Subscriber, fields: FormFields) => Promise<Answer | Response>,
): Promise<Response> {
  const { token, read } = await tokenAndFields(request)
  const locale = localeOf(new URL(request.url).searchParams.get('locale'))
  if (!read.ok) return answer(payload, request, failure(locale, read.status, read.error))
  const found = await subscriberFromToken(payload, token, purpose)
  if (!found.ok)
    return answer(
      payload,
      request,
      failure(locale, found.error === 'error.expired' ? 410 : 400, found.error, 'token', false),
    )
  const result = await then(found.subscriber, read.fields)
  return result instanceof Response ? result : answer(payload, request, result)
}

async function topicTitles(payload: Payload, locale: Locale) {
  const topics = await payload.find({ collection: 'topics', locale, limit: 1000, depth: 0, pagination: false })
  return topics.docs.filter((d) => d.slug).map((d) => ({ slug: String(d.slug), title: d.title }))
}

const path = (name: string) => `${basePath}/${name}`

/** GET shows what will be confirmed and a button; only the POST from that button confirms. */
export function handleConfirm(payload: Payload, request: Request): Promise<Response> {
  return withSubscriber(payload, request, 'confirm', async (subscriber) => {
    const requested = requestedPreferences(subscriber)
    const locale = isLocale(requested?.locale) ? requested.locale : subscriber.locale
    const token = new URL(request.url).searchParams.get('token') ?? ''
    if (request.method === 'GET') {
      if (!requested) {
        return {
          status: 200,
          locale,
          title: 'confirmed.title',
          html: paragraph(t(locale, 'confirm.nothing')),
          json: { ok: true, pending: false },
        }
      }
      const titles = new Map((await topicTitles(payload, locale)).map((tp) => [tp.slug, tp.title]))
      const summary = preferencesSummary(
        locale,
        {
          languages: requested.languages ?? [],
          kinds: requested.kinds ?? [],
          topics: requested.topics ?? [],
          frequency: requested.frequency,
        },
        titles,
      )
      const choices = languageChoicesSummary(locale, languageChoicesOf(requested as Partial<Subscriber>))
      return {
        status: 200,
        locale,
        title: 'confirm.title',
        html: `${paragraph(t(locale, 'confirm.body'))}${summary}${choices}${buttonForm(path('confirm'), token, t(locale, 'confirm.button'))}`,
        json: { ok: true, pending: true, requested },
      }
    }
    const result = await confirmSubscription(payload, subscriber)
    return {
      status: 200,
      locale,
      title: 'confirmed.title',
      html: paragraph(t(locale, result === 'confirmed' ? 'confirmed.body' : 'confirm.nothing')),
      json: { ok: true, confirmed: result === 'confirmed' },
    }
  })
}

function preferencesPage(
  subscriber: Subscriber,
  token: string,
  topics: { slug: string; title: string }[],
  idToSlug: Map<number, string>,
  notice?: string,
): Answer {
  const locale = subscriber.locale
  const prefs = {
    languages: subscriber.languages ?? [],
    kinds: subscriber.kinds ?? [],
    topics: (subscriber.topics ?? []).map((tp) => idToSlug.get(relationId(tp)) ?? ''),
    frequency: subscriber.frequency ?? 'immediate',
  }
  const status = t(locale, `prefs.status.${subscriber.status}` as MessageKey)
  const choices = languageChoicesOf(subscriber)
  const html = [
    notice ? paragraph(notice) : '',
    paragraph(status),
    subscriber.status === 'ended'
      ? ''
      : preferencesForm(locale, path('preferences'), token, prefs, topics, languageChoicesFieldsets(locale, choices)),
    `<h2>${t(locale, 'prefs.data')}</h2>`,
    buttonForm(path('export'), token, t(locale, 'prefs.export'), true),
    buttonForm(path('erase'), token, t(locale, 'prefs.erase'), true),
  ].join('\n')
  return {
    status: 200,
    locale,
    title: 'prefs.title',
    html,
    json: { ok: true, status: subscriber.status, ...prefs, ...choices, ...(notice ? { message: notice } : {}) },
  }
}

export function handlePreferences(payload: Payload, request: Request): Promise<Response> {
  return withSubscriber(payload, request, 'manage', async (subscriber, fields) => {
    const token = String(fields.token ?? new URL(request.url).searchParams.get('token') ?? '')
    const known = await topicIdsBySlug(payload)
    const idToSlug = new Map([...known].map(([slug, id]) => [id, slug]))
    const topics = await topicTitles(payload, subscriber.locale)
    if (request.method === 'GET') return preferencesPage(subscriber, token, topics, idToSlug)
    if (subscriber.status === 'ended') return failure(subscriber.locale, 409, 'prefs.status.ended', undefined, false)
    const checked = validatePreferences(fields, known)
    if (!checked.ok) return failure(subscriber.locale, 400, checked.error, checked.field)
    const choices = validateLanguageChoices(fields, languageChoicesOf(subscriber))
    if (!choices.ok) return failure(subscriber.locale, 400, choices.error, choices.field)
    await updatePreferences(payload, subscriber, checked.value as Preferences, choices.value)
    const updated = await payload.findByID({ collection: 'subscribers', id: subscriber.id, depth: 0 })
    return preferencesPage(updated, token, topics, idToSlug, t(subscriber.locale, 'prefs.saved'))
  })
}

/** GET shows a button; POST (the button, or a mail client's RFC 8058 one-click) unsubscribes. Repeats are fine. */
export function handleUnsubscribe(payload: Payload, request: Request): Promise<Response> {
  return withSubscriber(payload, request, 'unsubscribe', async (subscriber) => {
    const locale = subscriber.locale
    if (request.method === 'GET') {
      const token = new URL(request.url).searchParams.get('token') ?? ''
      return {
        status: 200,
        locale,
        title: 'unsubscribe.title',
        html: `${paragraph(t(locale, 'unsubscribe.body'))}${buttonForm(path('unsubscribe'), token, t(locale, 'unsubscribe.button'))}`,
        json: { ok: true, status: subscriber.status },
      }
    }
    await unsubscribe(payload, subscriber)
    return {
      status: 200,
      locale,
      title: 'unsubscribed.title',
      html: paragraph(t(locale, 'unsubscribed.body')),
      json: { ok: true, unsubscribed: true },
    }
  })
}

export function handleExport(payload: Payload, request: Request): Promise<Response> {
  return withSubscriber(payload, request, 'manage', async (subscriber) => {
    const data = await exportSubscriberData(payload, subscriber)
    return new Response(`${JSON.stringify(data, null, 2)}\n`, {
      status: 200,
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': 'attachment; filename="my-subscription-data.json"',
        'Cache-Control': 'no-store',
      },
    })
  })
}

export function handleErase(payload: Payload, request: Request): Promise<Response> {
  return withSubscriber(payload, request, 'manage', async (subscriber) => {
    await eraseSubscriber(payload, subscriber)
    const locale = subscriber.locale
    return {
      status: 200,
      locale,
      title: 'erased.title',
      html: paragraph(t(locale, 'erased.body')),
      json: { ok: true, erased: true },
    }
  })
}
