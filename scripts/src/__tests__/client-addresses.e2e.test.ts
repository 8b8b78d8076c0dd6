import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type E2ePressRoom, startE2ePressRoom } from '../lib/e2ePressRoom.ts'

/**
 * Client addresses through the CMS's own server, built, as `./pressroom start` runs it (ADR 0027):
 * only that server knows each connection's peer, and only the built bundle shows whether the
 * database-backed limits load at all. Requests leave from chosen loopback addresses
 * (127.0.0.0/8 all reach this machine), so each is a distinct real client.
 */
let room: E2ePressRoom

beforeAll(async () => {
  room = await startE2ePressRoom({
    name: 'addresses',
    env: () => ({ SITE_BUILD: 'off', SUBSCRIBE_RATE_LIMIT: '3/60', TRUSTED_PROXIES: '127.0.0.20' }),
  })
})

afterAll(async () => {
  await room?.stop()
})

function post(from: string, path: string, headers: Record<string, string>, body: string) {
  const url = new URL(path, room.cmsUrl.replace('localhost', '127.0.0.1'))
  return new Promise<{ status: number; retryAfter: string | undefined; text: string }>((resolve, reject) => {
    const req = request(url, { method: 'POST', localAddress: from, headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        text += chunk
      })
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string, text }),
      )
    })
    req.on('error', reject)
    req.end(body)
  })
}

let emails = 0
const subscribe = async (from: string, headers: Record<string, string> = {}) => {
  emails += 1
  const res = await post(
    from,
    '/subscriptions/subscribe',
    { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...headers },
    `email=e2e-reader${emails}%40example.org&languages=en`,
  )
  return res.status
}

describe('the built CMS behind its own server', () => {
  it('counts a client that makes up a new X-Forwarded-For for each request as one client', async () => {
    const statuses: number[] = []
    for (let i = 1; i <= 5; i++) {
      statuses.push(await subscribe('127.0.0.9', { 'x-forwarded-for': `198.51.100.${i}`, 'x-real-ip': `192.0.2.${i}` }))
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429])
    expect(await subscribe('127.0.0.10')).toBe(200)
  })

  it('believes the forwarded header only from the trusted proxy', async () => {
    // The proxy (127.0.0.20) reports two clients: each has its own count.
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) statuses.push(await subscribe('127.0.0.20', { 'x-forwarded-for': '203.0.113.1' }))
    expect(statuses).toEqual([200, 200, 200, 429])
    expect(await subscribe('127.0.0.20', { 'x-forwarded-for': '203.0.113.2' })).toBe(200)
  })

  it('keeps an attacker from one address out of the admin’s account, not the admin from theirs', async () => {
    const page = await (await room.browser.newContext({ locale: 'ru-RU' })).newPage()
    await page.goto(`${room.cmsUrl}/admin/login`)
    await page.waitForSelector('input[name="email"]')
    let toast = ''
    for (let i = 0; i < 10 && !toast.includes('Пароль не проверялся'); i++) {
      await page.fill('input[name="email"]', 'admin@pressroom.localhost')
      await page.fill('input[name="password"]', `wrong-${i}`)
      await page.click('button[type="submit"]')
      await page
        .getByText(/Указанный email или пароль неверен|Пароль не проверялся/)
        .last()
        .waitFor()
      // Payload's toast, or the alert of the sign-in form with the two-factor code (docs/adr/0034).
      toast = (await page.locator('.toast-error, [data-sonner-toast], [role="alert"]').allTextContents()).join('\n')
    }
    // The login form shows the throttle's message in the admin language.
    expect(toast).toMatch(/Слишком много неверных паролей к этой учётной записи из вашей сети\. Пароль не проверялся/)
    await page.context().close()

    // The admin, from another address, signs in as usual.
    const admin = await post(
      '127.0.0.11',
      '/api/users/login',
      { 'content-type': 'application/json' },
      JSON.stringify({ email: 'admin@pressroom.localhost', password: room.adminPassword }),
    )
    expect(admin.status).toBe(200)
  })
})
