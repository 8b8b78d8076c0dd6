import { generate } from 'otplib'
import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openSecret, sealSecret } from '../auth/totp/secretBox.ts'
import { type StartedPayload, staffPassword, startPayload } from '../testing/payload.ts'
import { type ServedRest, serveRest } from '../testing/serveRest.ts'
import { requestFrom } from './helpers/fromAddress.ts'

let started: StartedPayload
let payload: Payload
let server: ServedRest
let accounts = 0

type Staff = { id: number; email: string }
type Enrolled = Staff & { secret: string; recoveryCodes: string[]; token: string }
/** Accounts for the tests below, made at once (each costs a password hash and a few writes). */
let enrolledAdmin: Enrolled
let enrolledStaff: Enrolled[]
let plain: { admin: Staff; editor: Staff; laterAdmin: Staff; enrolling: Staff }

beforeAll(async () => {
  started = await startPayload()
  payload = started.payload
  server = await serveRest(payload)
  const [admin, ...others] = await Promise.all([
    enrolled('admin'),
    ...(['editor', 'editor', 'editor', 'editor', 'translator', 'editor'] as const).map((role) => enrolled(role)),
  ])
  enrolledAdmin = admin
  enrolledStaff = others
  const [a, e, l, n] = await Promise.all([newStaff('admin'), newStaff('editor'), newStaff('admin'), newStaff('editor')])
  plain = { admin: a, editor: e, laterAdmin: l, enrolling: n }
})

afterAll(async () => {
  await server?.close()
  await started?.stop()
})

afterEach(() => {
  delete process.env.TOTP_REQUIRED_FOR_ADMINS
})

type Call = { from?: string; token?: string; language?: string; headers?: Record<string, string> }

/** A real HTTP request to the served REST API, from one loopback address (a distinct client). */
function call(method: string, path: string, body?: unknown, options: Call = {}) {
  const headers: Record<string, string> = { 'accept-language': options.language ?? 'en', ...options.headers }
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (options.token) headers.authorization = `JWT ${options.token}`
  return requestFrom(options.from ?? '127.0.0.1', `${server.url}/api${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

const signIn = (email: string, extra: Record<string, unknown> = {}, options: Call = {}) =>
  call('POST', '/users/login', { email, password: staffPassword, ...extra }, options)

/** The code an authenticator app shows now, or `steps` periods later (still accepted: one step of drift). */
const codeFor = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 })

async function newStaff(role: 'admin' | 'editor' | 'translator'): Promise<Staff> {
  accounts += 1
  const email = `two-factor-${accounts}@test.localhost`
  const user = await payload.create({ collection: 'users', data: { email, password: staffPassword, role } })
  return { id: user.id, email }
}

/** A staff member who set up two-factor sign-in over HTTP, as the admin's set-up panel does. */
async function enrolled(role: 'admin' | 'editor' | 'translator'): Promise<Enrolled> {
  const staff = await newStaff(role)
  const token = (await signIn(staff.email)).json.token as string
  const setup = await call('POST', '/users/totp/setup', {}, { token })
  expect(setup.status).toBe(200)
  const secret = setup.json.secret as string
  expect(setup.json.qr.size).toBeGreaterThan(20)
  expect(setup.json.qr.path).toMatch(/^(M\d+ \d+h1v1h-1z)+$/)
  expect(setup.json.uri).toContain(`secret=${secret}`)
  const confirmed = await call('POST', '/users/totp/confirm', { code: await codeFor(secret) }, { token })
  expect(confirmed.status).toBe(200)
  const recoveryCodes = confirmed.json.recoveryCodes as string[]
  return { ...staff, secret, recoveryCodes, token }
}

describe('two-factor sign-in', () => {
  it('keeps the secret and the recovery codes out of every answer, encrypted at rest', async () => {
    const staff = enrolledAdmin
    expect(staff.recoveryCodes).toHaveLength(10)
    expect(new Set(staff.recoveryCodes).size).toBe(10)
    const token = (await signIn(staff.email, { totpCode: await codeFor(staff.secret, 1) })).json.token as string
    const answers = [
      await call('GET', '/users/me', undefined, { token }),
      await call('GET', `/users/${staff.id}?depth=2`, undefined, { token }),
      await call('GET', '/users?limit=100', undefined, { token }),
      await call('POST', '/graphql', { query: `{ Users(limit: 100) { docs { id email totpEnabled } } }` }, { token }),
    ]
    for (const answer of answers) {
      expect(answer.status).toBe(200)
      expect(answer.text).not.toContain(staff.secret)
      expect(answer.text).not.toMatch(/totpSecret|totpPendingSecret|totpRecoveryCodes|"v1:/)
      for (const code of staff.recoveryCodes) expect(answer.text).not.toContain(code)
    }
    expect(answers[0]?.json.user.totpEnabled).toBe(true)
    // GraphQL has no such fields at all.
    const asked = await call('POST', '/graphql', { query: `{ Users(limit: 100) { docs { totpSecret } } }` }, { token })
    expect(asked.json.data.Users.docs.length).toBeGreaterThan(5)
    for (const doc of asked.json.data.Users.docs) expect(doc.totpSecret).toBeNull()
    // Stored sealed: the database row does not hold the key an app would need.
    const row = (await payload.db.findOne({ collection: 'users', where: { id: { equals: staff.id } } })) as Record<
      string,
      unknown
    >
    expect(String(row.totpSecret)).toMatch(/^v1:/)
    expect(JSON.stringify(row)).not.toContain(staff.secret)
    // Nobody writes the fields through the API, not even the account's own admin session.
    const patched = await call(
      'PATCH',
      `/users/${staff.id}`,
      { totpEnabled: false, totpSecret: 'JBSWY3DPEHPK3PXP', totpRecoveryCodes: [] },
      { token },
    )
    expect(patched.status).toBe(200)
    const status = await call('GET', '/users/totp/status', undefined, { token })
    expect(status.json).toEqual({ enabled: true, required: false, mustEnrol: false, recoveryCodesLeft: 10 })
    // Anonymous callers learn nothing.
    expect((await call('GET', '/users/totp/status')).status).toBe(401)
  })

  it('seals secrets so that only this PAYLOAD_SECRET opens them', () => {
    const sealed = sealSecret('JBSWY3DPEHPK3PXP')
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP')
    expect(sealSecret('JBSWY3DPEHPK3PXP')).not.toBe(sealed)
    expect(openSecret(sealed)).toBe('JBSWY3DPEHPK3PXP')
    const secret = process.env.PAYLOAD_SECRET
    try {
      process.env.PAYLOAD_SECRET = `${secret}-rotated`
      expect(openSecret(sealed)).toBeUndefined()
    } finally {
      process.env.PAYLOAD_SECRET = secret
    }
    // A changed byte fails authentication (GCM) instead of opening to something else.
    const [v, iv, tag, body = ''] = sealed.split(':')
    const tampered = `${body[0] === 'A' ? 'B' : 'A'}${body.slice(1)}`
    expect(openSecret([v, iv, tag, tampered].join(':'))).toBeUndefined()
  })

  it('refuses the password alone, and wrong or reused codes, over REST and GraphQL', async () => {
    const staff = enrolledStaff[0] as Enrolled
    const from = '127.0.0.31'
    const alone = await signIn(staff.email, {}, { from })
    expect(alone.status).toBe(401)
    expect(alone.json.token).toBeUndefined()
    expect(alone.json.errors[0].message).toMatch(/^Two-factor sign-in is on for this account: enter the 6-digit code/)
    const russian = await signIn(staff.email, {}, { from, language: 'ru' })
    expect(russian.json.errors[0].message).toMatch(/^Для этой учётной записи включён двухфакторный вход/)
    // Payload made a session before the check; the refusal revokes it, so no session piles up.
    const sessions = async () =>
      (
        (await payload.db.findOne({ collection: 'users', where: { id: { equals: staff.id } } })) as {
          sessions?: unknown[]
        }
      ).sessions?.length ?? 0
    const before = await sessions()

    const right = await codeFor(staff.secret, 1)
    const wrong = right === '000000' ? '000001' : '000000'
    const refused = await signIn(staff.email, { totpCode: wrong }, { from })
    expect(refused.status).toBe(401)
    expect(refused.json.errors[0].message).toMatch(/^The code is wrong, expired or already used\./)
    expect(await sessions()).toBe(before)

    const ok = await signIn(staff.email, { totpCode: right }, { from })
    expect(ok.status).toBe(200)
    const me = await call('GET', '/users/me', undefined, { token: ok.json.token })
    expect(me.json.user.email).toBe(staff.email)
    // Each code once: a code seen over someone's shoulder is spent.
    expect((await signIn(staff.email, { totpCode: right }, { from })).status).toBe(401)

    const login = (headers: Record<string, string> = {}) =>
      call(
        'POST',
        '/graphql',
        { query: `mutation { loginUser(email: "${staff.email}", password: "${staffPassword}") { token } }` },
        { from, headers },
      )
    const withoutCode = await login()
    expect(withoutCode.json.data?.loginUser ?? null).toBeNull()
    expect(withoutCode.json.errors[0].message).toMatch(/^Two-factor sign-in is on/)
    const withCode = await login({ 'x-totp-code': String(staff.recoveryCodes[0]) })
    expect(withCode.json.data.loginUser.token).toBeTruthy()

    // The Local API asks for the code too.
    await expect(
      payload.login({ collection: 'users', data: { email: staff.email, password: staffPassword } }),
    ).rejects.toThrow(/Two-factor sign-in is on/)
  })

  it('takes each recovery code once, typed in any case and with or without the dash', async () => {
    const staff = enrolledStaff[1] as Enrolled
    const from = '127.0.0.32'
    const [first, second] = staff.recoveryCodes as [string, string]
    const used = await signIn(staff.email, { totpCode: first }, { from })
    expect(used.status).toBe(200)
    expect((await signIn(staff.email, { totpCode: first }, { from })).status).toBe(401)
    const typed = second.toUpperCase().replace('-', ' ')
    expect((await signIn(staff.email, { totpCode: typed }, { from })).status).toBe(200)
    const status = await call('GET', '/users/totp/status', undefined, { token: used.json.token })
    expect(status.json.recoveryCodesLeft).toBe(8)
    // Another staff member's codes do not fit.
    const other = enrolledStaff[0] as Enrolled
    expect((await signIn(other.email, { totpCode: staff.recoveryCodes[2] }, { from })).status).toBe(401)
  })

  it('throttles wrong codes like wrong passwords (docs/adr/0027)', async () => {
    const staff = enrolledStaff[2] as Enrolled
    const from = '127.0.0.33'
    const wrong = async (i: number) => {
      const right = await codeFor(staff.secret)
      return String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0')
    }
    for (let i = 0; i < 6; i++)
      expect((await signIn(staff.email, { totpCode: await wrong(i) }, { from })).status).toBe(401)
    // The wait has begun: not even the right code is checked from this address now.
    const held = await signIn(staff.email, { totpCode: await codeFor(staff.secret) }, { from })
    expect(held.status).toBe(429)
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0)
    // From the staff member's own address it still works.
    const next = await codeFor(staff.secret, 1)
    expect((await signIn(staff.email, { totpCode: next }, { from: '127.0.0.34' })).status).toBe(200)
  })

  it('gives no session after a password reset; the new password then needs the code', async () => {
    const staff = enrolledStaff[3] as Enrolled
    const token = await payload.forgotPassword({
      collection: 'users',
      data: { email: staff.email },
      disableEmail: true,
    })
    const reset = await call('POST', '/users/reset-password', { token, password: 'a brand new passphrase 42' })
    expect(reset.status).toBe(200)
    const me = await call('GET', '/users/me', undefined, { token: reset.json.token })
    expect(me.json.user).toBeNull()
    const from = '127.0.0.35'
    const password = 'a brand new passphrase 42'
    expect((await call('POST', '/users/login', { email: staff.email, password }, { from })).status).toBe(401)
    const code = await codeFor(staff.secret, 1)
    expect(
      (await call('POST', '/users/login', { email: staff.email, password, totpCode: code }, { from })).status,
    ).toBe(200)
  })

  it('turns off with a code, not with the session alone; an administrator can reset it for others', async () => {
    const staff = enrolledStaff[4] as Enrolled
    expect((await call('POST', '/users/totp/disable', { code: '123' }, { token: staff.token })).status).toBe(400)
    // A cross-site form cannot send JSON: other bodies, and JSON from another origin, are refused
    // before anything is read (docs/adr/0033).
    const form = await call('POST', '/users/totp/disable', undefined, {
      token: staff.token,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(form.status).toBe(403)
    const foreign = await call(
      'POST',
      '/users/totp/disable',
      { code: staff.recoveryCodes[0] },
      { token: staff.token, headers: { origin: 'https://elsewhere.example' } },
    )
    expect(foreign.status).toBe(403)
    const off = await call('POST', '/users/totp/disable', { code: staff.recoveryCodes[0] }, { token: staff.token })
    expect(off.status).toBe(200)
    expect((await signIn(staff.email, {}, { from: '127.0.0.36' })).status).toBe(200)

    const other = enrolledStaff[5] as Enrolled
    const admin = enrolledAdmin
    // The session that enrolled stays open.
    const adminToken = admin.token
    // Only administrators, and only for someone else.
    expect((await call('POST', '/users/totp/reset', { id: admin.id }, { token: other.token })).status).toBe(403)
    expect((await call('GET', `/users/totp/status?id=${admin.id}`, undefined, { token: other.token })).status).toBe(403)
    expect((await call('POST', '/users/totp/reset', { id: other.id }, { token: adminToken })).status).toBe(200)
    expect((await signIn(other.email, {}, { from: '127.0.0.36' })).status).toBe(200)
  })

  it('with TOTP_REQUIRED_FOR_ADMINS, an administrator without it may do nothing but enrol', async () => {
    process.env.TOTP_REQUIRED_FOR_ADMINS = 'true'
    const { admin, editor } = plain
    const token = (await signIn(admin.email, {}, { from: '127.0.0.37' })).json.token as string
    const editorToken = (await signIn(editor.email, {}, { from: '127.0.0.37' })).json.token as string
    // The password gave a session, but it carries no role: staff-only data stays closed.
    expect((await call('GET', '/recipients', undefined, { token })).status).toBe(403)
    expect(
      (await call('GET', '/statements?draft=true&where[_status][equals]=draft', undefined, { token })).json.docs,
    ).toEqual([])
    expect((await call('GET', '/users', undefined, { token })).json.docs.map((u: { id: number }) => u.id)).toEqual([
      admin.id,
    ])
    expect(
      (await call('POST', '/users', { email: 'x@test.localhost', password: staffPassword }, { token })).status,
    ).toBe(403)
    const status = await call('GET', '/users/totp/status', undefined, { token })
    expect(status.json).toMatchObject({ enabled: false, required: true, mustEnrol: true })
    // Other roles are not held to it.
    expect((await call('GET', '/recipients', undefined, { token: editorToken })).status).toBe(200)

    const setup = await call('POST', '/users/totp/setup', {}, { token })
    const confirmed = await call('POST', '/users/totp/confirm', { code: await codeFor(setup.json.secret) }, { token })
    expect(confirmed.status).toBe(200)
    expect((await call('GET', '/recipients', undefined, { token })).status).toBe(200)
    // Required means it cannot be turned off.
    const off = await call('POST', '/users/totp/disable', { code: confirmed.json.recoveryCodes[0] }, { token })
    expect(off.status).toBe(403)
    expect(off.json.errors[0].message).toMatch(/TOTP_REQUIRED_FOR_ADMINS/)

    // Switched off again, the same kind of account has its role with the password alone.
    delete process.env.TOTP_REQUIRED_FOR_ADMINS
    const later = plain.laterAdmin
    const laterToken = (await signIn(later.email, {}, { from: '127.0.0.37' })).json.token as string
    expect((await call('GET', '/recipients', undefined, { token: laterToken })).status).toBe(200)
  })

  it('enrolment itself: one pending secret, confirmed by a right code only', async () => {
    const staff = plain.enrolling
    const token = (await signIn(staff.email, {}, { from: '127.0.0.38' })).json.token as string
    expect((await call('POST', '/users/totp/confirm', { code: '123456' }, { token })).status).toBe(409)
    const first = await call('POST', '/users/totp/setup', {}, { token })
    const second = await call('POST', '/users/totp/setup', {}, { token })
    expect(second.json.secret).not.toBe(first.json.secret)
    // Only the latest secret counts.
    const stale = await call('POST', '/users/totp/confirm', { code: await codeFor(first.json.secret) }, { token })
    expect(stale.status).toBe(400)
    expect(stale.json.errors[0].message).toMatch(/^That code does not match\./)
    const other = await signIn(staff.email, {}, { from: '127.0.0.39' })
    const ok = await call('POST', '/users/totp/confirm', { code: await codeFor(second.json.secret) }, { token })
    expect(ok.status).toBe(200)
    expect((await call('POST', '/users/totp/setup', {}, { token })).status).toBe(409)
    // The session that enrolled stays; one opened elsewhere with the password alone is closed.
    expect((await call('GET', '/users/me', undefined, { token })).json.user.email).toBe(staff.email)
    expect((await call('GET', '/users/me', undefined, { token: other.json.token })).json.user).toBeNull()
  })
})
