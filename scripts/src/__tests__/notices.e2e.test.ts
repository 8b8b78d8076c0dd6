import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pickOption } from '../lib/adminSelect.ts'
import { type E2ePressRoom, startE2ePressRoom } from '../lib/e2ePressRoom.ts'
import { waitFor } from '../lib/processes.ts'
import { describeAdvanceSend } from './scenarios/advanceSend.ts'
import { describeDigestAndNoticeCounts } from './scenarios/digestAndNoticeCounts.ts'
import { previewDraftFromAdmin } from './scenarios/previewFromAdmin.ts'
import { describeSideBySide } from './scenarios/sideBySide.ts'
import { describeTestSend } from './scenarios/testSend.ts'

/**
 * Issue 6 "done when": staff dispatch the seeded example notice to the seeded example group
 * from the admin of the started CMS (`pnpm start`, local outbox: nothing leaves the machine),
 * watch the log fill in, and export it. The PDF edition is rendered inside the built Next
 * server, so this also checks that pdfkit and the fonts load there.
 */
let room: E2ePressRoom
let outbox: string
let baseUrl: string
let browser: Browser

beforeAll(async () => {
  room = await startE2ePressRoom({
    name: 'notices',
    // The press-release test below adds subscribers through the Local API.
    localApi: true,
    env: ({ dir }) => ({
      // The local outbox, whatever the developer's cms/.env says.
      RESEND_API_KEY: '',
      MAIL_OUTBOX_DIR: path.join(dir, 'outbox'),
      // This test is about the CMS: no site builds competing for the two cores.
      SITE_BUILD: 'off',
    }),
  })
  ;({ cmsUrl: baseUrl, browser } = room)
  outbox = path.join(room.dir, 'outbox')
})

afterAll(async () => {
  await room?.stop()
})

describe('dispatching a notice from the admin', () => {
  it('creates, plans and sends the seeded notice to the seeded group; the log fills in and exports', async () => {
    const context = await browser.newContext({ locale: 'en-GB', acceptDownloads: true })
    const page = await context.newPage()
    await room.logIn(page)

    await page.goto(`${baseUrl}/admin/collections/dispatches/create`)
    await pickOption(page, '#field-notice', 'Notice to the parties on the proposed')
    await pickOption(page, '#field-groups', 'Embassies in Moscow (example)')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.waitForURL(/\/collections\/dispatches\/\d+/)

    // First the counts, per language and channel (docs/adr/0039); going back plans nothing.
    await page.getByRole('button', { name: /Plan and send/ }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText('Plan this dispatch to 3 recipients?').waitFor()
    expect(await dialog.textContent()).toMatch(/By language: en 2, ru 1\s*By channel: E-mail 2, Hand delivery 1/)
    await dialog.getByRole('button', { name: 'Back' }).click()
    await dialog.waitFor({ state: 'detached' })
    const dispatchId = Number(/\/dispatches\/(\d+)/.exec(page.url())?.[1])
    const stillDraft = await page.evaluate(
      async (id) => (await (await fetch(`/api/dispatches/${id}?depth=0`)).json()).status,
      dispatchId,
    )
    expect(stillDraft).toBe('draft')
    await page.getByRole('button', { name: /Plan and send/ }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, plan and send' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: /Planned: 3 recipient\(s\); 2 by e-mail/ })
      .waitFor()

    // The mail job (every second here) sends through the outbox; the log on the page follows,
    // and the dispatch completes once both e-mails are out (the hand delivery waits for staff).
    await waitFor(
      'the log to show both e-mails sent and the dispatch completed',
      async () => {
        await page.reload()
        await page.getByText('Dispatch log', { exact: true }).first().waitFor()
        const sent = await page.getByRole('cell', { name: 'Sent', exact: true }).count()
        return sent === 2 && (await page.getByText('Every e-mail has been handed over').count()) === 1
      },
      { intervalMs: 500 },
    )
    expect(await page.getByRole('cell', { name: 'Queued', exact: true }).count()).toBe(1)

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV' }).first().click(),
    ])
    const csv = readFileSync((await download.path())!, 'utf8')
    const lines = csv.split('\r\n')
    expect(lines.filter((line) => /,email,en,consular-us@example\.org,sent,1,/.test(line))).toHaveLength(1)
    expect(lines.filter((line) => /,email,ru,political@example\.org,sent,1,/.test(line))).toHaveLength(1)
    expect(lines.filter((line) => /,hand-delivery,en,,queued,1,/.test(line))).toHaveLength(1)
    await context.close()

    // Two messages, each with the PDF edition in the recipient's language.
    const files = readdirSync(outbox).filter((name) => name.endsWith('.eml'))
    expect(files).toHaveLength(2)
    const messages = files.map((name) => readFileSync(path.join(outbox, name), 'utf8'))
    const attachments = messages.flatMap((m) => /filename=(GC-NT-\d{4}-\d{3}-(?:en|ru)\.pdf)/.exec(m)?.[1] ?? [])
    expect(attachments.map((f) => f.slice(-6)).sort()).toEqual(['en.pdf', 'ru.pdf'])
    for (const message of messages) expect(message).toContain('Content-Type: application/pdf')
  })

  it('refuses a form that another site posts with the staff session, and plans nothing (docs/adr/0033)', async () => {
    const context = await browser.newContext({ locale: 'en-GB' })
    const page = await context.newPage()
    await room.logIn(page)
    // A fresh dispatch, saved the way the admin saves (same origin, JSON).
    const dispatchId = await page.evaluate(async () => {
      const first = async (path: string) => (await (await fetch(path)).json()).docs[0].id
      const [notice, group] = [
        await first('/api/notices?limit=1&depth=0'),
        await first('/api/distribution-groups?limit=1&depth=0'),
      ]
      const saved = await fetch('/api/dispatches?depth=0', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ notice, groups: [group] }),
      })
      return (await saved.json()).doc.id as number
    })

    // Another site on this machine (another port of localhost: the same "site" for cookies, so
    // the browser sends the session cookie along) posts a form at the dispatch's plan endpoint.
    const cms = new URL(baseUrl)
    const evil = `http://${cms.hostname}:${Number(cms.port) + 1}/evil.html`
    await page.route(evil, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<form method="POST" enctype="text/plain" action="${baseUrl}/api/dispatches/${dispatchId}/plan"><input name='{"a":"' value='"}'></form><script>document.forms[0].submit()</script>`,
      }),
    )
    const [answer] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith(`/api/dispatches/${dispatchId}/plan`)),
      page.goto(evil),
    ])
    expect(answer.request().headers().cookie ?? (await answer.request().allHeaders()).cookie).toMatch(/payload-token=/)
    expect(answer.status()).toBe(403)
    // Another port of localhost is the same site, not the same origin: Chromium says so.
    expect(await answer.text()).toMatch(
      /Refused: the browser says it came from another site \(Sec-Fetch-Site: same-site\)/,
    )

    await page.goto(`${baseUrl}/admin`)
    const after = await page.evaluate(async (id) => {
      const dispatch = await (await fetch(`/api/dispatches/${id}?depth=0`)).json()
      const rows = await (await fetch(`/api/dispatch-recipients?where[dispatch][equals]=${id}&limit=0`)).json()
      return { status: dispatch.status, rows: rows.totalDocs }
    }, dispatchId)
    expect(after).toEqual({ status: 'draft', rows: 0 })
    await context.close()
  })
})

// The page preview (docs/adr/0037-previews.md) needs the same started CMS: here, not a start of its own.
describe('previewing a draft press release from the admin', () => {
  it('shows the site page in English and in Russian, and nothing for a changed link', async () => {
    await previewDraftFromAdmin(room)
  })
})

// Issue 15, item 4 (docs/adr/0040): an embargo is shown with its zone named, in the admin's
// language, whatever zone the staff member's own computer is in. Reuses this file's started CMS.
describe('the embargo field with its time zone', () => {
  it('shows the time in the zone it was set in, named in the English and the Russian admin', async () => {
    const shown: Record<string, { text: string; input: string; zone: string }> = {}
    let id: number | undefined
    for (const locale of ['en-GB', 'ru-RU']) {
      // A computer in Washington: the picker must still show Moscow's 18:00.
      const context = await browser.newContext({ locale, timezoneId: 'America/New_York' })
      const page = await context.newPage()
      await room.logIn(page)
      id ??= await page.evaluate(async () => {
        const created = await fetch('/api/press-releases?draft=true', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            title: 'Embargoed in Moscow',
            date: '2026-03-05T09:00:00.000Z',
            embargoUntil: '2026-03-05T15:00:00.000Z',
            embargoUntil_tz: 'Europe/Moscow',
          }),
        })
        return (await created.json()).doc.id as number
      })
      await page.goto(`${baseUrl}/admin/collections/press-releases/${id}`)
      const field = page.locator('#field-embargoUntil')
      const line = field.locator('.instant-in-zone')
      await line.waitFor()
      // The picker fills its input once the form has loaded the value, after the line below it.
      const input = field.locator('.react-datepicker__input-container input')
      await expect.poll(() => input.inputValue(), { timeout: 10_000 }).not.toBe('')
      shown[locale] = {
        text: (await line.textContent()) ?? '',
        input: await input.inputValue(),
        zone: (await field.locator('.timezone-picker').textContent()) ?? '',
      }
      await context.close()
    }
    expect(shown['en-GB']?.text).toBe('18:00 Moscow time, 5 March 2026')
    expect(shown['ru-RU']?.text).toBe('18:00 по московскому времени, 5 марта 2026 г.')
    for (const locale of ['en-GB', 'ru-RU']) {
      expect(shown[locale]?.input, locale).toContain('18:00')
      expect(shown[locale]?.zone, locale).toContain('Moscow · Москва')
    }
  })
})

// Items 2 and 6 of issue 15 in the same started CMS, after the dispatch above (the test sends
// count only the messages they add to the outbox).
describeTestSend(
  () => room,
  () => outbox,
)
describeSideBySide(() => room)
// Issue 16 part 1 (docs/adr/0043): it too counts only the messages it adds to the outbox.
describeAdvanceSend(
  () => room,
  () => outbox,
)
// Before the press-release test below adds subscribers of every kind: its counts are its own.
describeDigestAndNoticeCounts(() => room)
describe('publishing a press release from the admin (docs/adr/0039)', () => {
  it('shows how many subscribers its e-mail reaches, publishes only when confirmed, and the e-mail can be cancelled in its grace period', async () => {
    const [{ getPayload }, { default: config }] = await Promise.all([
      import('payload'),
      import('@pressroom/cms/config'),
    ])
    const payload = await getPayload({ config })
    // The default, set explicitly: the e-mail waits two minutes, long enough to cancel it here.
    await payload.updateGlobal({ slug: 'site-settings', data: { publicationEmailGraceSeconds: 120 } })
    // The Russian-only desk switched language notices off: one e-mail and its grace period here
    // (notices are counted in scenarios/digestAndNoticeCounts.ts), and off must mean not counted.
    for (const [email, languages] of [
      ['desk-en@example.org', ['en']],
      ['desk-both@example.org', ['en', 'ru']],
      ['desk-ru@example.org', ['ru']],
    ] as const) {
      await payload.create({
        collection: 'subscribers',
        data: {
          email,
          status: 'active',
          locale: 'en',
          tokenVersion: 1,
          languages: [...languages],
          languageNotices: languages.length > 1 || languages[0] !== 'ru',
        },
      })
    }
    const title = 'Talks resume in Geneva'
    const context = await browser.newContext({ locale: 'en-GB' })
    const page = await context.newPage()
    await room.logIn(page)
    const releaseId = await page.evaluate(async (title) => {
      const saved = await fetch('/api/press-releases?draft=true&locale=en', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title, date: '2026-03-01T00:00:00.000Z', _status: 'draft' }),
      })
      return (await saved.json()).doc.id as number
    }, title)
    const status = () =>
      page.evaluate(
        async (id) => (await (await fetch(`/api/press-releases/${id}?depth=0&draft=true`)).json())._status,
        releaseId,
      )
    await page.goto(`${baseUrl}/admin/collections/press-releases/${releaseId}`)

    // Publishing asks first, with the count of its English subscribers; going back publishes nothing.
    await page.locator('#action-save').click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText('Publishing e-mails 2 subscribers (en 2).').waitFor()
    expect(await dialog.textContent()).toContain('waits 120 seconds')
    await dialog.getByRole('button', { name: 'Back' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(await status()).toBe('draft')

    await page.locator('#action-save').click()
    await page.getByRole('dialog').getByRole('button', { name: 'Publish and e-mail' }).click()
    await waitFor('the release published', async () => (await status()) === 'published', { intervalMs: 250 })
    await page.reload()
    // Planned by the publish hook's job, the e-mail waits: the page says until when, with Cancel.
    const waiting = page.getByText(/E-mail to 2 subscribers \(en\) goes at \d\d:\d\d/)
    await waiting.waitFor({ timeout: 30_000 })
    await page.getByRole('button', { name: 'Cancel this e-mail' }).click()
    await page.getByRole('status').filter({ hasText: 'Cancelled: nothing was sent.' }).waitFor()
    await page.getByText(/E-mail \(en\) cancelled by admin@pressroom\.localhost at/).waitFor()
    const sends = await payload.find({
      collection: 'sends',
      where: { key: { equals: `publication:press-releases:${releaseId}:en` } },
      depth: 0,
    })
    expect(sends.docs.map((s) => [s.status, s.cancelled])).toEqual([['cancelled', 2]])
    const mailed = readdirSync(outbox).filter((name) => readFileSync(path.join(outbox, name), 'utf8').includes(title))
    expect(mailed).toEqual([])
    await context.close()
  })
})
