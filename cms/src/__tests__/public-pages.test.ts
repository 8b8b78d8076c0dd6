import { frameCss } from '@pressroom/shared/look'
import { describe, expect, it } from 'vitest'
import { publicFormBytes } from '../http/bodyLimits.ts'
import { pageContentSecurityPolicy } from '../http/pagePolicy.ts'
import { publicPageResponse } from '../http/publicPage.ts'
import { readPublicForm } from '../http/readPublicForm.ts'
import { frameSite } from '../i18n/reader/frame.ts'
import { renderAcknowledgementPage } from '../notices/acknowledgement/page.ts'
import { page } from '../subscriptions/pages.ts'

const frameSettings = { siteUrl: 'https://press.example.org', organizationName: { en: 'Org', ru: 'Орг' } }

const post = (body: BodyInit, type?: string) =>
  new Request('http://localhost/form', {
    method: 'POST',
    body,
    headers: type === undefined ? {} : { 'content-type': type },
  })

describe('reading a reader page’s form', () => {
  it('reads a browser’s multipart form with its case-sensitive boundary; repeats are arrays, files empty', async () => {
    const boundary = '----WebKitFormBoundaryAbCdEfGh12345678'
    const part = (name: string, value: string, file = '') =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file}"` : ''}\r\n\r\n${value}\r\n`
    const body = `${part('kinds', 'notice')}${part('kinds', 'statement')}${part('confirm', 'yes')}${part('f', 'bytes', 'a.txt')}--${boundary}--\r\n`
    const read = await readPublicForm(post(body, `multipart/form-data; boundary=${boundary}`))
    expect(read).toEqual({ ok: true, fields: { kinds: ['notice', 'statement'], confirm: 'yes', f: '' } })
  })

  it('reads urlencoded fields as plain data, a field named __proto__ included', async () => {
    const read = await readPublicForm(post('a=1&a=2&__proto__=x&b=', 'application/x-www-form-urlencoded'))
    expect(read.ok && { ...read.fields }).toEqual({ a: ['1', '2'], ['__proto__']: 'x', b: '' })
    expect(read.ok && Object.getPrototypeOf(read.fields)).toBeNull()
  })

  it('reads JSON and untyped bodies only for pages that answer scripts', async () => {
    expect(await readPublicForm(post('{"confirm":"yes"}', 'application/json'))).toEqual({
      ok: false,
      problem: 'unsupported',
    })
    expect(await readPublicForm(post('{"confirm":"yes"}', 'application/json'), { fromScripts: true })).toEqual({
      ok: true,
      fields: { confirm: 'yes' },
    })
    expect(await readPublicForm(post('[1]', 'application/json'), { fromScripts: true })).toEqual({
      ok: false,
      problem: 'unreadable',
    })
    const untyped = () => post(new TextEncoder().encode('confirm=yes'))
    expect(await readPublicForm(untyped())).toEqual({ ok: false, problem: 'unsupported' })
    expect(await readPublicForm(untyped(), { fromScripts: true })).toEqual({ ok: true, fields: { confirm: 'yes' } })
    expect(await readPublicForm(post('confirm=yes', 'text/plain'), { fromScripts: true })).toEqual({
      ok: false,
      problem: 'unsupported',
    })
  })

  it('refuses a body over the public form cap, declared or streamed', async () => {
    const large = `confirm=yes&pad=${'x'.repeat(publicFormBytes)}`
    expect(await readPublicForm(post(large, 'application/x-www-form-urlencoded'))).toEqual({
      ok: false,
      problem: 'tooLarge',
    })
    const streamed = new Request('http://localhost/form', {
      method: 'POST',
      body: new Blob([large]).stream(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      duplex: 'half',
    } as RequestInit)
    expect(await readPublicForm(streamed)).toEqual({ ok: false, problem: 'tooLarge' })
  })
})

describe('the reader pages’ frame', () => {
  it('serves the subscription and acknowledgement pages with one set of headers, each with its own style allowed', () => {
    const pages = [
      page({ locale: 'ru', site: frameSite('ru', frameSettings), title: 'Title' }, '<p>x</p>'),
      renderAcknowledgementPage({ kind: 'tampered' }, { settings: frameSettings }).html,
    ]
    const answers = pages.map((html) => publicPageResponse(html, 200, { 'Retry-After': '5' }))
    const headers = answers.map((answer) => Object.fromEntries(answer.headers))
    for (const [i, html] of pages.entries()) {
      expect(headers[i]).toEqual({
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy': pageContentSecurityPolicy(html),
        'referrer-policy': 'no-referrer',
        'x-content-type-options': 'nosniff',
        'x-robots-tag': 'noindex, nofollow',
        'retry-after': '5',
      })
      expect(html).toContain('<meta name="robots" content="noindex, nofollow">')
    }
    // The two pages keep their own look, so their policies differ in the style hash only.
    expect(headers[0]!['content-security-policy']).not.toBe(headers[1]!['content-security-policy'])
  })

  it('wears the site’s frame on every reader page and leads back to the site in the page’s language', () => {
    const refusal = renderAcknowledgementPage({ kind: 'unknown' }, { settings: frameSettings }).html
    const subscription = page({ locale: 'ru', site: frameSite('ru', frameSettings), title: 'Подписка' }, '<p>x</p>')
    const english = page({ locale: 'en', site: frameSite('en', frameSettings), title: 'Subscription' }, '<p>x</p>')
    const chrome = (html: string) => ({
      style: /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '',
      header: /<header class="site">[\s\S]*?<\/header>/.exec(html)?.[0],
      footer: /<footer class="site">[\s\S]*?<\/footer>/.exec(html)?.[0],
    })
    for (const html of [refusal, subscription, english]) {
      const { style, header, footer } = chrome(html)
      // The site's own stylesheet text (site/src/layouts/Base.astro loads the same), then the page's additions.
      expect(style.startsWith(frameCss)).toBe(true)
      expect(header).toBeDefined()
      expect(footer).toBeDefined()
      expect(html).toMatch(/<main id="content">[\s\S]*<h1>/)
      expect(html).not.toMatch(/<script/i)
    }
    expect(chrome(subscription).header).toBe(
      '<header class="site"><div class="brand"><a class="name" href="https://press.example.org/ru/">Орг<span class="tagline">Пресс-центр</span></a></div></header>',
    )
    expect(chrome(subscription).footer).toContain(
      '<a href="https://press.example.org/ru/privacy/">Политика конфиденциальности</a>',
    )
    expect(chrome(english).footer).toContain('<a href="https://press.example.org/en/">Back to the press room</a>')
    expect(chrome(english).footer).toContain('<a href="https://press.example.org/en/privacy/">Privacy notice</a>')
    expect(chrome(refusal).header).toContain('href="https://press.example.org/en/"')
  })
})
