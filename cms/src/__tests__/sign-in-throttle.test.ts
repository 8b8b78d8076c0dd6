import { initI18n } from '@payloadcms/translations'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitText } from '../auth/signInMessages.ts'
import { signInRules } from '../auth/signInThrottle.ts'
import { adminT } from '../i18n/admin/adminT.ts'
import { en as englishWords } from '../i18n/admin/en.ts'
import { createStaff, type StartedPayload, staffPassword, startPayload } from '../testing/payload.ts'
import { type ServedRest, serveRest } from '../testing/serveRest.ts'
import { delayAfter } from '../throttle/growingDelay.ts'
import { requestFrom } from './helpers/fromAddress.ts'
import { httpClient } from './helpers/http.ts'

let started: StartedPayload
let payload: Payload
let server: ServedRest
const admin = 'admin@pressroom.localhost'

beforeAll(async () => {
  // The test stands behind a proxy on 127.0.0.1 that says which client each request came from.
  started = await startPayload({ env: { TRUSTED_PROXIES: '127.0.0.1' } })
  payload = started.payload
  await payload.create({ collection: 'users', data: { email: admin, password: staffPassword, role: 'admin' } })
  server = await serveRest(payload)
})

afterAll(async () => {
  await server?.close()
  await started?.stop()
})

/** POST /api/users/login, as the admin's login form sends it, from `client` through the proxy. */
function logIn(client: string, email: string, password: string, language = 'en') {
  return requestFrom('127.0.0.1', `${server.url}/api/users/login`, {
    headers: { 'content-type': 'application/json', 'x-forwarded-for': client, 'accept-language': language },
    body: JSON.stringify({ email, password }),
  })
}

const wait = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000))
const retryAfter = (res: { headers: Record<string, unknown> }) => Number(res.headers['retry-after'])

describe('sign-in throttling instead of a lock', () => {
  it('lets the admin in from their own address while an attacker hammers the account from another', async () => {
    expect((await logIn('198.51.100.10', admin, staffPassword)).status).toBe(200)

    const attacker = '203.0.113.66'
    // Five free failures, and one more that starts the first wait.
    for (let i = 0; i < 6; i++) expect((await logIn(attacker, admin, `guess-${i}`)).status).toBe(401)
    // During it nothing is checked from that address, not even the right password.
    expect((await logIn(attacker, admin, staffPassword)).status).toBe(429)
    const refused = await logIn(attacker, admin, 'guess-en')
    expect(refused.status).toBe(429)
    const seconds = retryAfter(refused)
    expect(seconds).toBeGreaterThanOrEqual(1)
    expect(seconds).toBeLessThanOrEqual(signInRules.accountFromAddress.firstDelay)
    expect(refused.json.errors[0].message).toBe(
      `Too many wrong passwords for this account from your network. The password was not checked: try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
    )
    const russian = await logIn(attacker, admin, 'guess-ru', 'ru')
    expect(russian.status).toBe(429)
    expect(russian.json.errors[0].message).toMatch(
      /^Слишком много неверных паролей к этой учётной записи из вашей сети\. Пароль не проверялся: попробуйте снова через [1-5] (секунду|секунды|секунд)\.$/,
    )
    // Hammering gets nothing more checked until the wait is over.
    const hammered: number[] = []
    for (let i = 0; i < 20; i++) hammered.push((await logIn(attacker, admin, `hammer-${i}`)).status)
    expect(hammered.filter((s) => s === 429).length).toBeGreaterThanOrEqual(19)

    // Payload's own lock (after 5 failures by default) would refuse the admin now; the throttle does not.
    const own = await logIn('198.51.100.10', admin, staffPassword)
    expect(own.status).toBe(200)
    expect(own.json.token).toBeTruthy()
    // Nor does it hold back the admin from a new place: one attacking address is not a distributed attack.
    expect((await logIn('198.51.100.77', admin, staffPassword)).status).toBe(200)

    // A wait, not a lock: once it has passed, the right password works even from the attacker's address.
    await wait(retryAfter(await logIn(attacker, admin, staffPassword)))
    expect((await logIn(attacker, admin, staffPassword)).status).toBe(200)
    // ...and that success forgets the address's failures on the account.
    for (let i = 0; i < 5; i++) expect((await logIn(attacker, admin, `after-${i}`)).status).toBe(401)
  })

  it('slows down many addresses guessing one account, but not its own people where they signed in before', async () => {
    const editor = await createStaff(payload, 'editor')
    expect((await logIn('198.51.100.20', editor.email, staffPassword)).status).toBe(200)

    const { free } = signInRules.account
    for (let i = 0; i < free + 1; i++) {
      expect((await logIn(`203.0.113.${100 + i}`, editor.email, `guess-${i}`)).status).toBe(401)
    }
    const fresh = await logIn('203.0.113.200', editor.email, 'guess-x')
    expect(fresh.status).toBe(429)
    expect(fresh.json.errors[0].message).toMatch(/^Too many failed sign-ins to this account from unfamiliar networks\./)
    // Someone new to the account waits too (even with the right password)...
    expect((await logIn('198.51.100.21', editor.email, staffPassword)).status).toBe(429)
    // ...but the editor, from where they signed in before, gets in.
    expect((await logIn('198.51.100.20', editor.email, staffPassword)).status).toBe(200)
    // And the wait is short-lived: after it, a right password from a new place works.
    await wait(retryAfter(await logIn('198.51.100.21', editor.email, staffPassword)))
    expect((await logIn('198.51.100.21', editor.email, staffPassword)).status).toBe(200)
  })

  it('slows down one address trying many accounts', async () => {
    const { free } = signInRules.address
    const prober = '203.0.113.250'
    for (let i = 0; i < free + 1; i++) {
      expect((await logIn(prober, `nobody-${i}@example.org`, 'guess')).status).toBe(401)
    }
    const res = await logIn(prober, 'nobody-else@example.org', 'guess', 'ru')
    expect(res.status).toBe(429)
    expect(res.json.errors[0].message).toMatch(/^Слишком много неудачных попыток входа из вашей сети\./)
    // Its neighbours are not affected.
    expect((await logIn('203.0.113.251', admin, staffPassword)).status).toBe(200)
  })

  it('lets a burst of parallel guesses through no faster than one at a time', async () => {
    const translator = await createStaff(payload, 'translator')
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => logIn('192.0.2.33', translator.email, `parallel-${i}`)),
    )
    const statuses = answers.map((a) => a.status)
    const { free } = signInRules.accountFromAddress
    expect(statuses.filter((s) => s === 401)).toHaveLength(free + 1)
    expect(statuses.filter((s) => s === 429)).toHaveLength(12 - free - 1)
  })
})

describe('other ways into the login operation', () => {
  it('throttles the Local API login: the same operation, the same hook', async () => {
    const target = await createStaff(payload, 'translator')
    const { free } = signInRules.accountFromAddress
    for (let i = 0; i < free + 1; i++) {
      await expect(
        payload.login({ collection: 'users', data: { email: target.email, password: `local-${i}` } }),
      ).rejects.toMatchObject({ status: 401 })
    }
    await expect(
      payload.login({ collection: 'users', data: { email: target.email, password: staffPassword } }),
    ).rejects.toMatchObject({ status: 429 })
  })

  it('throttles GraphQL’s loginUser like the REST endpoint', async () => {
    const target = await createStaff(payload, 'editor')
    const { graphql } = httpClient(payload)
    const attempt = (password: string) =>
      graphql('mutation ($e: String!, $p: String!) { loginUser(email: $e, password: $p) { token } }', {
        variables: { e: target.email, p: password },
      })
    const { free } = signInRules.accountFromAddress
    for (let i = 0; i < free + 1; i++) {
      expect((await attempt(`graphql-${i}`)).json.errors[0].message).toBe(
        'The email or password provided is incorrect.',
      )
    }
    const refused = await attempt(staffPassword)
    expect(refused.json.data?.loginUser ?? null).toBeNull()
    expect(refused.json.errors[0].message).toMatch(/^Too many wrong passwords for this account from your network\./)
  })
})

describe('the waits', () => {
  it('grow from five seconds, doubling, up to each rule’s ceiling', () => {
    const rule = signInRules.accountFromAddress
    const waits = Array.from({ length: 18 }, (_, i) => delayAfter(rule, i + 1))
    expect(waits.slice(0, 5)).toEqual([0, 0, 0, 0, 0])
    expect(waits.slice(5, 10)).toEqual([5, 10, 20, 40, 80])
    expect(waits.at(-1)).toBe(rule.maxDelay)
    expect(delayAfter(rule, 1_000_000)).toBe(rule.maxDelay)
  })

  /** Payload's own `t` for one admin language, set up from the running config as Payload does per request. */
  const words = async (language: 'en' | 'ru') => {
    const { t } = await initI18n({ config: payload.config.i18n, context: 'api', language })
    return adminT(t, 'signInServer')
  }

  it('are told in words that read right in English and Russian, rounded up', async () => {
    const english = await words('en')
    const russian = await words('ru')
    const en = [1, 2, 59.2, 60, 61, 900, 3600, 3601].map((s) => waitText(english, 'en', s * 1000))
    expect(en).toEqual([
      '1 second',
      '2 seconds',
      '1 minute',
      '1 minute',
      '2 minutes',
      '15 minutes',
      '1 hour',
      '2 hours',
    ])
    const ru = [1, 2, 5, 21, 22, 25, 60, 120, 180, 300, 1260, 3600, 7200, 18000].map((s) =>
      waitText(russian, 'ru', s * 1000),
    )
    expect(ru).toEqual([
      '1 секунду',
      '2 секунды',
      '5 секунд',
      '21 секунду',
      '22 секунды',
      '25 секунд',
      '1 минуту',
      '2 минуты',
      '3 минуты',
      '5 минут',
      '21 минуту',
      '1 час',
      '2 часа',
      '5 часов',
    ])
    // The refusal itself, as the throttle words it for a Russian and an English admin.
    expect(russian('accountFromAddress', { wait: waitText(russian, 'ru', 300_000) })).toBe(
      'Слишком много неверных паролей к этой учётной записи из вашей сети. Пароль не проверялся: попробуйте снова через 5 минут.',
    )
    expect(english('address', { wait: waitText(english, 'en', 60_000) })).toBe(
      englishWords.signInServer.address.replace('{{wait}}', '1 minute'),
    )
  })
})
