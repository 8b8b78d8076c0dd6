import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import PostalMime from 'postal-mime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sessionCookieSecure } from '../http/cmsOrigin.ts'
import { handleSubscribe } from '../subscriptions/http.ts'
import {
  createStaff,
  type StaffUser,
  type StartedPayload,
  staffPassword,
  startPayload,
  testDatabase,
} from '../testing/payload.ts'
import { type ServedRest, serveRest } from '../testing/serveRest.ts'
import { type Answer, requestFrom } from './helpers/fromAddress.ts'

/**
 * Staff sessions against cross-site requests, and the e-mail Payload sends to staff
 * (docs/adr/0033): real Payload, real HTTP on loopback, the local outbox as the transport.
 */
const cmsUrl = 'https://cms.example.org'
const foreign = 'https://evil.example'

let started: StartedPayload
let payload: Payload
let server: ServedRest
let outbox: string
let editor: StaffUser
let cookie: string

const json = (body: unknown) => ({ 'content-type': 'application/json', body: JSON.stringify(body) })

function post(from: string, pathAndQuery: string, headers: Record<string, string>, body = ''): Promise<Answer> {
  return requestFrom(from, `${server.url}${pathAndQuery}`, { method: 'POST', headers, body })
}

function signIn(from: string, email: string, password: string, language = 'en'): Promise<Answer> {
  const { body, ...headers } = json({ email, password })
  return post(from, '/api/users/login', { ...headers, 'accept-language': language }, body)
}

const emlFiles = () => readdirSync(outbox).filter((name) => name.endsWith('.eml'))

/** The outbox's messages to `to`, decoded. */
async function mailTo(to: string) {
  const messages = []
  for (const name of emlFiles()) {
    const email = await PostalMime.parse(readFileSync(path.join(outbox, name)))
    if (email.to?.some((a) => a.address === to)) messages.push(email)
  }
  return messages
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

beforeAll(async () => {
  outbox = mkdtempSync(path.join(os.tmpdir(), 'pressroom-staff-outbox-'))
  started = await startPayload({ env: { CMS_URL: cmsUrl, MAIL_OUTBOX_DIR: outbox } })
  payload = started.payload
  server = await serveRest(payload, { '/subscriptions/subscribe': (request) => handleSubscribe(payload, request) })
  editor = await createStaff(payload, 'editor')
  const login = await signIn('127.0.0.1', editor.email, staffPassword)
  expect(login.status).toBe(200)
  const setCookie = ([] as string[]).concat(login.headers['set-cookie'] ?? [])
  const session = setCookie.find((line) => line.startsWith('payload-token='))!
  expect(session, 'the session cookie').toBeDefined()
  // CMS_URL is HTTPS: the cookie never travels over plain HTTP, and other sites' POSTs do not carry it.
  expect(session).toMatch(/;\s*Secure/i)
  expect(session).toMatch(/;\s*SameSite=Lax/i)
  expect(session).toMatch(/;\s*HttpOnly/i)
  cookie = session.split(';')[0]!
})

afterAll(async () => {
  await server?.close()
  await started?.stop()
})

describe(`cross-site requests with a staff session (${testDatabase})`, () => {
  const csv = [
    'external_id,kind,name_en,name_ru,role_en,country,emails,preferred_language,preferred_channels,groups,postal_address,active',
    'fr-emb,embassy,Embassy of France,Посольство Франции,,FR,press@fr.example.org,en,email,,,yes',
  ].join('\n')
  const multipart = async () => {
    const form = new FormData()
    form.set('file', new Blob([csv], { type: 'text/csv' }), 'recipients.csv')
    const encoded = new Response(form)
    return { type: encoded.headers.get('content-type')!, body: await encoded.text() }
  }

  /** Each state-changing custom endpoint, with a body it would act on. */
  const endpoints = [
    { path: '/api/recipients/import', body: async () => multipart() },
    { path: '/api/dispatches/1/plan', body: async () => ({ type: 'application/json', body: '{}' }) },
    {
      path: '/api/dispatch-recipients/1/resend',
      body: async () => ({ type: 'application/json', body: JSON.stringify({ reason: 'forged', attempt: 1 }) }),
    },
    {
      path: '/api/mail/send-publication',
      body: async () => ({ type: 'application/json', body: JSON.stringify({ collection: 'statements', id: 1 }) }),
    },
  ]

  const written = async () =>
    Object.fromEntries(
      await Promise.all(
        (['recipients', 'distribution-groups', 'dispatch-recipients', 'sends', 'deliveries'] as const).map(
          async (collection) => [collection, (await payload.count({ collection })).totalDocs] as const,
        ),
      ),
    )

  it('refuses a form posted from another site to every endpoint, and writes nothing', async () => {
    const before = await written()
    for (const endpoint of endpoints) {
      const { type, body } = await endpoint.body()
      const forgeries: [string, Record<string, string>, string][] = [
        ['urlencoded form', { 'content-type': 'application/x-www-form-urlencoded', origin: foreign }, 'a=1'],
        ['text/plain form', { 'content-type': 'text/plain', origin: foreign }, body],
        ['its own body type', { 'content-type': type, origin: foreign }, body],
        ['no Origin, but a cross-site fetch', { 'content-type': type, 'sec-fetch-site': 'cross-site' }, body],
        // From the CMS's own origin Payload accepts the cookie: only the body type is wrong here.
        ['text/plain from the CMS itself', { 'content-type': 'text/plain', origin: cmsUrl }, body],
      ]
      for (const [what, headers, forged] of forgeries) {
        const answer = await post('127.0.0.1', endpoint.path, { ...headers, cookie }, forged)
        expect(answer.status, `${endpoint.path}: ${what}`).toBe(403)
        expect(answer.json?.errors?.[0]?.message, `${endpoint.path}: ${what}`).toMatch(/^Refused: .+ Use this from/)
      }
    }
    expect(await written()).toEqual(before)
  })

  it('lets the admin itself through: same origin, its own body type, the session cookie', async () => {
    for (const endpoint of endpoints.slice(1)) {
      const { type, body } = await endpoint.body()
      const answer = await post(
        '127.0.0.1',
        endpoint.path,
        { 'content-type': type, origin: cmsUrl, 'sec-fetch-site': 'same-origin', cookie },
        body,
      )
      // Nothing with ID 1 exists: the handler ran, signed in, and said so.
      expect(answer.status, endpoint.path).not.toBe(403)
      expect(answer.status, endpoint.path).not.toBe(401)
    }
    const { type, body } = await endpoints[0]!.body()
    const imported = await post(
      '127.0.0.1',
      '/api/recipients/import',
      { 'content-type': type, origin: cmsUrl, cookie },
      body,
    )
    expect(imported.status, imported.text).toBe(200)
    expect((await payload.count({ collection: 'recipients' })).totalDocs).toBe(1)
  })

  it('keeps the readers’ forms working when posted from the CMS’s own pages, session cookie or not', async () => {
    const form = new URLSearchParams({ email: 'reader@example.org', languages: 'en', locale: 'en', website: '' })
    const answer = await post(
      '127.0.0.1',
      '/subscriptions/subscribe',
      { 'content-type': 'application/x-www-form-urlencoded', origin: cmsUrl, cookie },
      form.toString(),
    )
    expect(answer.status).toBeLessThan(400)
    expect((await payload.count({ collection: 'subscribers' })).totalDocs).toBe(1)
  })

  it('marks the session cookie Secure only when the CMS is served over HTTPS', () => {
    expect(sessionCookieSecure('https://cms.example.org')).toBe(true)
    expect(sessionCookieSecure('http://localhost:3000')).toBe(false)
    expect(sessionCookieSecure('')).toBe(false)
  })
})

describe(`staff e-mail (${testDatabase})`, () => {
  const resetLink = (text: string) => new RegExp(`${cmsUrl}/admin/reset/([0-9a-f]+)`).exec(text)?.[1]
  const forgot = (from: string, email: string, language: string) => {
    const { body, ...headers } = json({ email })
    return post(from, '/api/users/forgot-password', { ...headers, 'accept-language': language }, body)
  }

  it('resets a password end to end: the e-mail in the staff member’s language, its link, the new password', async () => {
    const translator = await createStaff(payload, 'translator')
    expect((await forgot('127.0.0.11', translator.email, 'ru')).status).toBe(200)
    const [message] = await mailTo(translator.email)
    expect(message?.subject).toBe('Сброс пароля пресс-центра')
    expect(message?.text).toContain('Задайте новый пароль здесь')
    expect(message?.html).toMatch(/<html lang="ru">/)
    const token = resetLink(message!.text!)
    expect(token, 'the reset link').toBeDefined()

    const newPassword = 'a brand new passphrase 2026'
    const reset = await post(
      '127.0.0.11',
      '/api/users/reset-password',
      { 'content-type': 'application/json' },
      JSON.stringify({ token, password: newPassword }),
    )
    expect(reset.status).toBe(200)
    expect((await signIn('127.0.0.11', translator.email, newPassword)).status).toBe(200)
    expect((await signIn('127.0.0.11', translator.email, staffPassword)).status).toBe(401)

    expect((await forgot('127.0.0.12', editor.email, 'en')).status).toBe(200)
    const [english] = await mailTo(editor.email)
    expect(english?.subject).toBe('Reset your press room password')
    expect(resetLink(english!.text!)).toBeDefined()
  })

  it('throttles forgot-password per account and per address, and sends nothing when refused', async () => {
    const target = await createStaff(payload, 'editor')
    // Three requests for one account an hour, from any addresses.
    for (const from of ['127.0.0.21', '127.0.0.22', '127.0.0.23']) {
      expect((await forgot(from, target.email, 'en')).status).toBe(200)
    }
    const files = emlFiles().length
    const refused = await forgot('127.0.0.24', target.email, 'ru')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    expect(refused.json.errors[0].message).toMatch(/^Слишком много запросов на сброс пароля.+Письмо не отправлено/)

    // Ten an hour from one address, whichever accounts they name (existing or not).
    for (let i = 0; i < 10; i++) {
      expect((await forgot('127.0.0.25', `nobody-${i}@example.org`, 'en')).status).toBe(200)
    }
    const fromOneAddress = await forgot('127.0.0.25', 'nobody-else@example.org', 'en')
    expect(fromOneAddress.status).toBe(429)
    expect(fromOneAddress.json.errors[0].message).toMatch(/^Too many password resets.+No e-mail was sent/)
    expect(emlFiles().length).toBe(files)
  })

  it('alerts a staff member when their account signs in from a new network, in their language', async () => {
    const member = await createStaff(payload, 'translator')
    // The first sign-in of an account, and further ones from the same network, alert nobody.
    expect((await signIn('127.0.0.31', member.email, staffPassword)).status).toBe(200)
    expect((await signIn('127.0.0.32', member.email, staffPassword, 'ru')).status).toBe(200)
    const [alert] = await waitFor('the alert', async () => {
      const messages = await mailTo(member.email)
      return messages.length ? messages : undefined
    })
    expect(alert?.subject).toBe('Новый вход в вашу учётную запись пресс-центра')
    expect(alert?.text).toContain('127.0.0.32')
    expect(alert?.text).toContain(`${cmsUrl}/admin/forgot`)
    // Known networks stay quiet; a wrong password alerts nobody.
    expect((await signIn('127.0.0.32', member.email, staffPassword)).status).toBe(200)
    expect((await signIn('127.0.0.31', member.email, staffPassword)).status).toBe(200)
    expect((await signIn('127.0.0.33', member.email, 'wrong password')).status).toBe(401)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await mailTo(member.email)).toHaveLength(1)
  })
})
