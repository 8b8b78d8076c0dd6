import { createHash } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pageContentSecurityPolicy } from '../http/pagePolicy.ts'
import { applySecurityHeaders, servedOverHttps } from '../http/securityHeaders.ts'
import { frameSite } from '../i18n/reader/frame.ts'
import { renderAcknowledgementPage } from '../notices/acknowledgement/page.ts'
import { page } from '../subscriptions/pages.ts'

const frameSettings = { siteUrl: 'https://press.example.org', organizationName: { en: 'Org', ru: 'Орг' } }

/** The headers as the CMS server applies them, on a real HTTP server on loopback (docs/adr/0032). */
let server: Server
let url: string
let https = false
const seen: IncomingHttpHeaders[] = []

beforeAll(async () => {
  server = createServer((request, response) => {
    applySecurityHeaders(request, response, https)
    seen.push({ ...request.headers })
    if (request.url === '/own-policy') {
      // As Next writes a route's own headers: only those not set yet.
      response.setHeader('Content-Security-Policy', "default-src 'none'")
      response.setHeader('Referrer-Policy', 'no-referrer')
    }
    response.end('ok')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('the CMS security headers', () => {
  it('give each request its own nonce, the same in the request Next reads and in the answer', async () => {
    seen.length = 0
    const first = await fetch(`${url}/admin`, { headers: { 'Content-Security-Policy': "script-src 'nonce-mine'" } })
    const second = await fetch(`${url}/admin`)
    const policies = [first, second].map((r) => r.headers.get('content-security-policy') ?? '')
    expect(policies[0]).not.toBe(policies[1])
    expect(seen.map((h) => h['content-security-policy'])).toEqual(policies)
    expect(policies[0]).not.toContain('nonce-mine')
    expect(policies[0]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}=='; /)
    expect(policies[0]).toContain("frame-ancestors 'none'")
    expect(first.headers.get('x-frame-options')).toBe('DENY')
    expect(first.headers.get('x-content-type-options')).toBe('nosniff')
    expect(first.headers.get('referrer-policy')).toBe('same-origin')
    expect(first.headers.get('strict-transport-security')).toBeNull()
    expect(policies[0]).not.toContain('upgrade-insecure-requests')
  })

  it("keep a route's own policy and referrer rule", async () => {
    const own = await fetch(`${url}/own-policy`)
    expect(own.headers.get('content-security-policy')).toBe("default-src 'none'")
    expect(own.headers.get('referrer-policy')).toBe('no-referrer')
    expect(own.headers.get('x-frame-options')).toBe('DENY')
  })

  it('add HSTS and upgrade requests only when the public URL is HTTPS', async () => {
    expect(servedOverHttps('https://cms.example.org')).toBe(true)
    expect(servedOverHttps('http://localhost:3000')).toBe(false)
    expect(servedOverHttps(undefined)).toBe(false)
    https = true
    try {
      const answer = await fetch(`${url}/admin`)
      expect(answer.headers.get('strict-transport-security')).toBe('max-age=31536000')
      expect(answer.headers.get('content-security-policy')).toContain('upgrade-insecure-requests')
    } finally {
      https = false
    }
  })

  it("allow a reader page's own stylesheet by its hash, and nothing else", () => {
    const pages = [
      page({ locale: 'ru', site: frameSite('ru', frameSettings), title: 'Title' }, '<p>x</p>'),
      renderAcknowledgementPage({ kind: 'malformed' }, { settings: frameSettings }).html,
    ]
    for (const html of pages) {
      const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? ''
      expect(style.length).toBeGreaterThan(50)
      const hash = createHash('sha256').update(style).digest('base64')
      const policy = pageContentSecurityPolicy(html)
      expect(policy).toBe(
        `default-src 'none'; style-src 'sha256-${hash}'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
      )
    }
    expect(pageContentSecurityPolicy('<p>no style</p>')).toContain("style-src 'none'")
  })
})
