import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { formatHeadersFile } from '@pressroom/shared/headers-file'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { normalizeBase, type RunningSiteServer, startSiteServer } from '../lib/siteServer.ts'

let dir: string
let root: RunningSiteServer
let mirror: RunningSiteServer
const longText = 'The press room of the initiative. '.repeat(200)

function release(name: string, heading: string) {
  const at = path.join(dir, 'releases', name)
  for (const sub of ['en/404', 'ru/404', 'en/statements/founding-statement', '_astro']) {
    mkdirSync(path.join(at, sub), { recursive: true })
  }
  writeFileSync(path.join(at, 'en/index.html'), `<h1>${heading}</h1><p>${longText}</p>`)
  writeFileSync(path.join(at, 'en/statements/founding-statement/index.html'), '<h1>Founding statement</h1>')
  writeFileSync(path.join(at, 'en/404/index.html'), '<h1>Page not found</h1>')
  writeFileSync(path.join(at, 'ru/404/index.html'), '<h1>Страница не найдена</h1>')
  writeFileSync(path.join(at, '404.html'), '<h1>Not found / Не найдено</h1>')
  writeFileSync(path.join(at, '_astro/site.css'), 'body{margin:0}')
  writeFileSync(path.join(at, 'feed.xml'), '<rss version="2.0"></rss>')
  // Short links as the build writes them (site/src/components/RefPage.astro).
  mkdirSync(path.join(at, 'ref/GC-ST-2021-001'), { recursive: true })
  mkdirSync(path.join(at, 'ru/ref/GC-ST-2021-001'), { recursive: true })
  writeFileSync(
    path.join(at, 'ref/GC-ST-2021-001/index.html'),
    '<ul><li><a href="/en/statements/founding-statement/" hreflang="en" lang="en" data-ref-locale="en">English</a></li>' +
      '<li><a href="/ru/statements/founding-statement/" hreflang="ru" lang="ru" data-ref-locale="ru">Русский</a></li></ul>',
  )
  writeFileSync(
    path.join(at, 'ru/ref/GC-ST-2021-001/index.html'),
    '<meta http-equiv="refresh" content="0; url=/ru/statements/founding-statement/">',
  )
}

function pointLiveAt(name: string) {
  const temporary = path.join(dir, 'live.tmp')
  symlinkSync(path.join('releases', name), temporary)
  renameSync(temporary, path.join(dir, 'live'))
}

/** A raw request, so the path reaches the server exactly as written (fetch would normalize it). */
function rawGet(url: string, pathname: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: pathname, method: 'GET' }, (res) => {
      let body = ''
      res.on('data', (chunk) => {
        body += chunk
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-site-server-'))
  release('one', 'First release')
  release('two', 'Second release')
  // Release one as a build writes it; release two as one built before `_headers` existed.
  writeFileSync(
    path.join(dir, 'releases/one/_headers'),
    `# comment\n${formatHeadersFile([
      {
        path: '/*',
        headers: { 'Content-Security-Policy': "default-src 'self'; test-release-one", 'X-Frame-Options': 'DENY' },
      },
      { path: '/en/statements/*', headers: { 'X-Test-Rule': 'statements' } },
    ])}`,
  )
  pointLiveAt('one')
  root = await startSiteServer({ liveDir: path.join(dir, 'live'), base: '/', port: 0, host: '127.0.0.1' })
  mirror = await startSiteServer({ liveDir: path.join(dir, 'live'), base: 'pressroom', port: 0, host: '127.0.0.1' })
})
afterAll(async () => {
  await root?.close()
  await mirror?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('site server', () => {
  it('serves directory indexes with the right content types, gzip and no cookies', async () => {
    const page = await fetch(`${root.url}en/`, { headers: { 'accept-encoding': 'gzip' } })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html;charset=utf-8')
    expect(page.headers.get('content-encoding')).toBe('gzip')
    expect(page.headers.get('set-cookie')).toBeNull()
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toContain('<h1>First release</h1>')

    const withoutSlash = await fetch(`${root.url}en/statements/founding-statement`)
    expect(withoutSlash.status).toBe(200)
    expect(await withoutSlash.text()).toBe('<h1>Founding statement</h1>')
    expect((await fetch(`${root.url}_astro/site.css`)).headers.get('content-type')).toBe('text/css')
    expect((await fetch(`${root.url}feed.xml`)).headers.get('content-type')).toBe('text/xml')
  })

  it('answers 404 with the page of the language the path is in', async () => {
    const en = await fetch(`${root.url}en/no-such-page`)
    expect(en.status).toBe(404)
    expect(en.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await en.text()).toBe('<h1>Page not found</h1>')
    const ru = await fetch(`${root.url}ru/нет-такой`)
    expect(ru.status).toBe(404)
    expect(await ru.text()).toBe('<h1>Страница не найдена</h1>')
    const neither = await fetch(`${root.url}english/`)
    expect(neither.status).toBe(404)
    expect(await neither.text()).toBe('<h1>Not found / Не найдено</h1>')
  })

  it("answers a short link with a redirect: a language's to its page, the neutral one by Accept-Language (docs/adr/0047)", async () => {
    const go = (pathname: string, acceptLanguage?: string) =>
      fetch(`${root.url}${pathname}`, {
        redirect: 'manual',
        headers: acceptLanguage ? { 'Accept-Language': acceptLanguage } : {},
      })
    const ru = await go('ru/ref/GC-ST-2021-001/')
    expect(ru.status).toBe(302)
    expect(ru.headers.get('location')).toBe('/ru/statements/founding-statement/')
    const prefersRussian = await go('ref/GC-ST-2021-001', 'de-DE, ru;q=0.9, en;q=0.8')
    expect(prefersRussian.status).toBe(302)
    expect(prefersRussian.headers.get('location')).toBe('/ru/statements/founding-statement/')
    expect(prefersRussian.headers.get('vary')).toBe('Accept-Language')
    expect((await go('ref/GC-ST-2021-001/', 'ru;q=0.1, en-GB')).headers.get('location')).toBe(
      '/en/statements/founding-statement/',
    )
    // No language in common, or none sent: the first the page lists.
    expect((await go('ref/GC-ST-2021-001/', 'fr')).headers.get('location')).toBe('/en/statements/founding-statement/')
    expect((await go('ref/GC-ST-2021-001/')).headers.get('location')).toBe('/en/statements/founding-statement/')
    // A short link the site has no page for is the language's 404, as any other missing page.
    const missing = await go('en/ref/GC-ST-2099-999/')
    expect(missing.status).toBe(404)
    expect(await missing.text()).toBe('<h1>Page not found</h1>')
    expect((await go('ref/..%2F..%2Fsecret')).status).toBe(404)
  })

  it('serves a switched release at once', async () => {
    expect(await (await fetch(`${root.url}en/`)).text()).toContain('First release')
    pointLiveAt('two')
    expect(await (await fetch(`${root.url}en/`)).text()).toContain('Second release')
    pointLiveAt('one')
  })

  it('stays inside the live directory and refuses writes', async () => {
    writeFileSync(path.join(dir, 'secret.txt'), 'not for the public')
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/en/..%2f..%2fsecret.txt']) {
      const res = await rawGet(root.url, attempt)
      expect(res.status).toBe(404)
      expect(res.body).not.toContain('not for the public')
    }
    const post = await fetch(`${root.url}en/`, { method: 'POST', body: 'x' })
    expect(post.status).toBe(405)
    expect(post.headers.get('allow')).toBe('GET, HEAD')
  })

  it('serves the site under a sub-path for mirrors', async () => {
    expect(mirror.url).toMatch(/\/pressroom\/$/)
    const origin = new URL(mirror.url).origin
    const page = await fetch(`${origin}/pressroom/en/`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('First release')
    const top = await fetch(`${origin}/`, { redirect: 'manual' })
    expect(top.status).toBe(302)
    expect(top.headers.get('location')).toBe('/pressroom/')
    expect((await fetch(`${origin}/en/`)).status).toBe(404)
    const missing = await fetch(`${origin}/pressroom/ru/missing`)
    expect(missing.status).toBe(404)
    expect(await missing.text()).toBe('<h1>Страница не найдена</h1>')
  })

  it("sends the live release's security headers on every answer, and a strict default without them", async () => {
    const answers = [
      await fetch(`${root.url}en/`),
      await fetch(`${root.url}en/no-such-page`),
      await fetch(`${root.url}en/`, { method: 'POST', body: 'x' }),
      await fetch(`${new URL(mirror.url).origin}/pressroom/en/`),
      await fetch(`${new URL(mirror.url).origin}/`, { redirect: 'manual' }),
    ]
    for (const answer of answers) {
      expect(answer.headers.get('content-security-policy')).toBe("default-src 'self'; test-release-one")
      expect(answer.headers.get('x-frame-options')).toBe('DENY')
    }
    const statement = await fetch(`${root.url}en/statements/founding-statement/`)
    expect(statement.headers.get('x-test-rule')).toBe('statements')
    expect(statement.headers.get('content-security-policy')).toBe("default-src 'self'; test-release-one")
    expect((await fetch(`${root.url}en/`)).headers.get('x-test-rule')).toBeNull()
    const mirrored = await fetch(`${new URL(mirror.url).origin}/pressroom/en/statements/founding-statement/`)
    expect(mirrored.headers.get('x-test-rule')).toBe('statements')
    // The file itself is the server's, not a page.
    expect((await fetch(`${root.url}_headers`)).status).toBe(404)
    expect((await rawGet(root.url, '/%5Fheaders')).status).toBe(404)
    expect((await fetch(`${new URL(mirror.url).origin}/pressroom/_headers`)).status).toBe(404)

    pointLiveAt('two')
    try {
      const older = await fetch(`${root.url}en/`)
      expect(older.headers.get('content-security-policy')).toBe(
        "default-src 'self'; object-src 'none'; frame-ancestors 'none'",
      )
      expect(older.headers.get('x-frame-options')).toBe('DENY')
      expect(older.headers.get('x-content-type-options')).toBe('nosniff')
    } finally {
      pointLiveAt('one')
    }
  })

  it('normalizes the base path', () => {
    expect(normalizeBase('')).toBe('/')
    expect(normalizeBase('/')).toBe('/')
    expect(normalizeBase('pressroom')).toBe('/pressroom/')
    expect(normalizeBase('/a/b/')).toBe('/a/b/')
  })
})
