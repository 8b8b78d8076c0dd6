import { readFileSync } from 'node:fs'
import { parseHeadersFile } from '@pressroom/shared/headers-file'
import { describe, expect, it } from 'vitest'
import { siteHeadersFile, siteSecurityHeaders } from '../lib/securityHeaders.ts'

describe("the site's security headers", () => {
  it('allow no inline script or style, only Pagefind WebAssembly, and form posts to the CMS origin', () => {
    const headers = siteSecurityHeaders({
      siteUrl: 'http://localhost:4321',
      publicCmsUrl: 'http://localhost:3000/cms/',
    })
    const policy = headers['Content-Security-Policy'] ?? ''
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval';")
    expect(policy).toContain("style-src 'self';")
    expect(policy).not.toContain('unsafe-inline')
    expect(policy).toContain("form-action 'self' http://localhost:3000;")
    expect(policy).toContain("frame-ancestors 'none'")
    expect(policy).not.toContain('upgrade-insecure-requests')
    expect(headers['X-Frame-Options']).toBe('DENY')
    expect(headers['Strict-Transport-Security']).toBeUndefined()
  })

  it('add HSTS and upgrade requests when the site is served over HTTPS, in the _headers file for every path', () => {
    const file = siteHeadersFile({ siteUrl: 'https://press.example.org', publicCmsUrl: 'https://cms.example.org' })
    const [rule, ...rest] = parseHeadersFile(file)
    expect(rest).toEqual([])
    expect(rule?.path).toBe('/*')
    expect(rule?.headers['Strict-Transport-Security']).toBe('max-age=31536000')
    expect(rule?.headers['Content-Security-Policy']).toMatch(/; upgrade-insecure-requests$/)
  })

  it('are the ones the nginx and Caddy examples in deploy/ send', () => {
    const headers = siteSecurityHeaders({
      siteUrl: 'https://press.example.org',
      publicCmsUrl: 'https://cms.example.org',
    })
    const nginx = readFileSync(new URL('../../../deploy/nginx-site.conf', import.meta.url), 'utf8')
    const caddy = readFileSync(new URL('../../../deploy/Caddyfile', import.meta.url), 'utf8')
    for (const [name, value] of Object.entries(headers)) {
      expect(nginx, name).toContain(`add_header ${name} "${value}" always;`)
      expect(caddy, name).toContain(`\t\t${name} "${value}"\n`)
    }
    expect(nginx.match(/^\s*add_header /gm)).toHaveLength(Object.keys(headers).length)
  })
})
