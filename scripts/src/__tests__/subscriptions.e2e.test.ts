import { type FakeResend, startFakeResend } from '@pressroom/cms/mail/testing/fake-resend'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type E2ePressRoom, startE2ePressRoom } from '../lib/e2ePressRoom.ts'
import { waitFor } from '../lib/processes.ts'
import { describeSubscriberChoices } from './scenarios/subscriberChoices.ts'

/**
 * A journalist subscribes on the site's form, confirms with the button, receives a press
 * release and leaves with one click, against the started CMS and site (`pnpm start`) and a
 * fake Resend on loopback.
 */
let room: E2ePressRoom
let baseUrl: string
let browser: Browser
let fake: FakeResend
let siteUrl: string

beforeAll(async () => {
  fake = await startFakeResend({ ratePerSecond: 50 })
  // The Local API below opens the same database and mails through the same fake Resend.
  room = await startE2ePressRoom({
    name: 'mail',
    localApi: true,
    env: () => ({ RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: fake.url, RESEND_RATE_LIMIT: '20' }),
  })
  ;({ cmsUrl: baseUrl, siteUrl, browser } = room)
  const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('@pressroom/cms/config')])
  // Publication e-mails go at once here; the grace period is tested in notices.e2e (docs/adr/0039).
  const payload = await getPayload({ config })
  await payload.updateGlobal({ slug: 'site-settings', data: { publicationEmailGraceSeconds: 0 } })
})

afterAll(async () => {
  await room?.stop()
  await fake?.stop()
})

// First: the tests below close this process's Local API, which the choices scenario also reads.
describeSubscriberChoices(
  () => room,
  () => fake,
)

describe('subscriptions in the started CMS', () => {
  // The release's e-mail waits for the site build that puts its page live (docs/adr/0044): minutes on a busy machine.
  it('subscribe → confirm with the button → receive a press release → one-click unsubscribe', {
    timeout: 300_000,
  }, async () => {
    const email = 'journalist@example.org'
    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage()
    // The site's no-JavaScript form, posted cross-origin to the CMS.
    await page.goto(`${siteUrl}/en/subscribe/`)
    await page.fill('input[name="email"]', email)
    await page.check('input[name="kinds"][value="pressRelease"]')
    // Language-aware choices (docs/adr/0045): no notices of publications in another language.
    await page.check('input[name="languageNotices"][value="off"]')
    await Promise.all([
      page.waitForURL(`${baseUrl}/subscriptions/subscribe`),
      page.click('form.subscribe button[type="submit"]'),
    ])
    await page.getByRole('heading', { name: 'Check your inbox' }).waitFor()

    const confirmation = await waitFor('the confirmation e-mail', () => fake.accepted.find((m) => m.to === email))
    const confirmUrl = /https?:\/\/\S+\/subscriptions\/confirm\?token=[\w.-]+/.exec(confirmation.text)?.[0]
    expect(confirmUrl).toBeDefined()
    await page.goto(confirmUrl!)
    await page.getByRole('heading', { name: 'Confirm your subscription' }).waitFor()
    await page.getByRole('button', { name: 'Confirm subscription' }).click()
    await page.getByRole('heading', { name: 'Subscription confirmed' }).waitFor()

    // An editor publishes a press release from another process on the same database.
    const [{ getPayload }, { default: config }, { paragraphsToLexical }] = await Promise.all([
      import('payload'),
      import('@pressroom/cms/config'),
      import('@pressroom/cms/seed/lexical'),
    ])
    const payload = await getPayload({ config })
    await payload.create({
      collection: 'press-releases',
      data: {
        title: 'Released after four years',
        body: paragraphsToLexical(['Two men came home today.']),
        _status: 'published',
      },
    })
    const release = await waitFor(
      'the press release e-mail (after the site build that puts its page live)',
      () => fake.accepted.find((m) => m.to === email && m.subject.includes('Released after four years')),
      { timeoutMs: 240_000 },
    )
    expect(release.text).toContain('Two men came home today.')
    // The link works when the e-mail arrives (issue 16, item 2).
    const pageUrl = new RegExp(`${siteUrl}/en/\\S+`).exec(release.text)?.[0]
    expect(pageUrl).toBeDefined()
    expect((await fetch(pageUrl!)).status).toBe(200)
    expect(release.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    const unsubscribeUrl = /^<(.+)>$/.exec(release.headers['List-Unsubscribe'] ?? '')?.[1]
    expect(unsubscribeUrl).toMatch(new RegExp(`^${baseUrl}/subscriptions/unsubscribe\\?token=`))

    // What a mail client does for RFC 8058 one-click: a POST without cookies; repeating it is harmless.
    for (let i = 0; i < 2; i++) {
      const res = await fetch(unsubscribeUrl!, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      })
      expect(res.status).toBe(200)
    }
    const subscriber = (await payload.find({ collection: 'subscribers', where: { email: { equals: email } } })).docs[0]
    expect(subscriber).toMatchObject({ status: 'ended', endReason: 'unsubscribed', languageNotices: false })
    await payload.destroy()
  })

  it('lets an editor e-mail a published statement to its subscribers from the admin', async () => {
    const email = 'statements-desk@example.org'
    const context = await browser.newContext({ locale: 'en-GB' })
    const page = await context.newPage()
    await page.goto(`${siteUrl}/en/subscribe/`)
    await page.fill('input[name="email"]', email)
    await page.check('input[name="kinds"][value="statement"]')
    await Promise.all([
      page.waitForURL(`${baseUrl}/subscriptions/subscribe`),
      page.click('form.subscribe button[type="submit"]'),
    ])
    const confirmation = await waitFor('the confirmation e-mail', () => fake.accepted.find((m) => m.to === email))
    await page.goto(/https?:\/\/\S+\/subscriptions\/confirm\?token=[\w.-]+/.exec(confirmation.text)?.[0] ?? '')
    await page.getByRole('button', { name: 'Confirm subscription' }).click()
    await page.getByRole('heading', { name: 'Subscription confirmed' }).waitFor()

    await room.logIn(page)
    const found = await (await fetch(`${baseUrl}/api/statements?where[slug][equals]=founding-statement`)).json()
    await page.goto(`${baseUrl}/admin/collections/statements/${found.docs[0].id}`)
    await page.getByRole('button', { name: 'E-mail this publication' }).click()
    // The count first (docs/adr/0039): this desk and the seed's subscribers of statements, if any.
    await page
      .getByRole('dialog')
      .getByText(/^E-mail \d+ subscribers \(en \d+/)
      .waitFor()
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, e-mail them' }).click()
    await page.getByRole('status').filter({ hasText: 'Planned' }).waitFor()
    const sent = await waitFor('the statement e-mail', () =>
      fake.accepted.find((m) => m.to === email && m.subject.includes('GC-ST-2021-001')),
    )
    expect(sent.text).toContain('Expressing serious concern about the situation')
    // A second click plans nothing new: nobody gets it twice.
    await page.getByRole('button', { name: 'E-mail this publication' }).click()
    await page.getByRole('dialog').getByText('Already e-mailed in: en').waitFor()
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, e-mail them' }).click()
    await page.getByRole('status').filter({ hasText: 'Already sent' }).waitFor()
    await context.close()
  })
})
