import { readFileSync } from 'node:fs'
import type { FakeResend } from '@pressroom/cms/mail/testing/fake-resend'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { E2ePressRoom } from '../../lib/e2ePressRoom.ts'
import { waitFor } from '../../lib/processes.ts'

/**
 * Issue 16, items 3 and 4 (docs/adr/0045, 0046) where a reader clicks: on the site's Russian
 * subscribe form a weekly digest, no language notices and one bilingual e-mail for both
 * languages; confirmed through the e-mailed link; then, from the link in the digest, the
 * preferences page switches to a daily digest and one e-mail per language. Registered by
 * subscriptions.e2e.test.ts, which has started the press room (with its site) and a fake Resend,
 * and whose process opens the same database through the Local API: no start of its own. Runs
 * before that file's tests, which close the Local API.
 */
/** The label of the radio button checked in a group, as the page shows it. */
const checkedLabel = async (page: Page, name: string) =>
  (await page.locator(`input[name="${name}"]:checked`).locator('xpath=..').textContent())?.trim()

export function describeSubscriberChoices(started: () => E2ePressRoom, fakeResend: () => FakeResend): void {
  describe('a reader’s digest and language choices (issue 16)', () => {
    it('subscribes weekly, bilingual, without notices on the Russian form; switches to daily, per language', async () => {
      const { browser, siteUrl, cmsUrl } = started()
      const fake = fakeResend()
      const email = 'weekly-reader@example.org'
      const since = new Date(Date.now() - 60 * 60_000)
      const context = await browser.newContext({ locale: 'ru-RU', acceptDownloads: true })
      const page = await context.newPage()
      await page.goto(`${siteUrl}/ru/subscribe/`)
      await page.fill('input[name="email"]', email)
      await page.check('input[name="languages"][value="en"]')
      await page.getByLabel('Одна сводка в неделю').check()
      await page.getByLabel('Не сообщать').check()
      await page.getByLabel('Одно письмо на обоих языках').check()
      await Promise.all([
        page.waitForURL(`${cmsUrl}/subscriptions/subscribe`),
        page.click('form.subscribe button[type="submit"]'),
      ])
      await page.getByRole('heading', { name: 'Проверьте почту' }).waitFor()

      // The e-mailed link shows what is being confirmed, in Russian, before the button.
      const confirmation = await waitFor('the confirmation e-mail', () => fake.accepted.find((m) => m.to === email))
      await page.goto(/https?:\/\/\S+\/subscriptions\/confirm\?token=[\w.-]+/.exec(confirmation.text)?.[0] ?? '')
      await page.getByRole('heading', { name: 'Подтвердите подписку' }).waitFor()
      const summary = await page.locator('main').textContent()
      for (const shown of ['Одна сводка в неделю', 'Не сообщать', 'Одно письмо на всех моих языках']) {
        expect(summary).toContain(shown)
      }
      await page.getByRole('button', { name: 'Подтвердить подписку' }).click()
      await page.getByRole('heading', { name: 'Подписка подтверждена' }).waitFor()

      const [{ getPayload }, { default: config }, { planDigestPeriod }, { mailSettings }] = await Promise.all([
        import('payload'),
        import('@pressroom/cms/config'),
        import('@pressroom/cms/subscriptions/digest-period'),
        import('@pressroom/cms/mail'),
      ])
      const payload = await getPayload({ config })
      const stored = async () => {
        const found = await payload.find({ collection: 'subscribers', where: { email: { equals: email } }, depth: 0 })
        const s = found.docs[0]!
        return { ...s, languages: [...(s.languages ?? [])].sort() }
      }
      expect(await stored()).toMatchObject({
        status: 'active',
        locale: 'ru',
        languages: ['en', 'ru'],
        frequency: 'weekly',
        languageNotices: false,
        languageFormat: 'bilingual',
      })

      // The weekly digest, planned as the mail job plans one at its hour (for a period of this
      // run: the seeded publications), delivered by the CMS's own mail job.
      const period = { kind: 'weekly' as const, key: `digest:weekly:e2e-${Date.now()}`, start: since, end: new Date() }
      expect(await planDigestPeriod(payload, period, await mailSettings(payload))).toBeGreaterThan(0)
      const digest = await waitFor('the weekly digest', () =>
        fake.accepted.find((m) => m.to === email && m.subject.includes('сводка за неделю')),
      )
      const preferencesUrl = /https?:\/\/\S+\/subscriptions\/preferences\?token=[\w.-]+/.exec(digest.text)?.[0]
      expect(preferencesUrl).toMatch(new RegExp(`^${cmsUrl}/`))

      await page.goto(preferencesUrl!)
      await page.getByRole('heading', { name: 'Ваша подписка' }).waitFor()
      expect(await page.locator('html').getAttribute('lang')).toBe('ru')
      expect(await checkedLabel(page, 'frequency')).toBe('Одна сводка в неделю')
      expect(await checkedLabel(page, 'languageNotices')).toBe('Не сообщать')
      expect(await checkedLabel(page, 'languageFormat')).toBe('Одно письмо на всех моих языках')
      await page.getByLabel('Одна сводка в день').check()
      await page.getByLabel('Отдельное письмо на каждом языке').check()
      await page.getByRole('button', { name: 'Сохранить' }).click()
      await page.getByText('Настройки сохранены.').waitFor()
      expect(await checkedLabel(page, 'frequency')).toBe('Одна сводка в день')
      expect(await checkedLabel(page, 'languageFormat')).toBe('Отдельное письмо на каждом языке')
      expect(await checkedLabel(page, 'languageNotices')).toBe('Не сообщать')

      const changed = { frequency: 'daily', languageNotices: false, languageFormat: 'perLanguage' }
      expect(await stored()).toMatchObject({ status: 'active', languages: ['en', 'ru'], ...changed })
      // The reader's own copy of what is stored says the same, and lists the digest.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Скачать мои данные (JSON)' }).click(),
      ])
      const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'))
      expect(exported).toMatchObject({ email, pageLanguage: 'ru', ...changed })
      expect(exported.emails.some((e: { what: string }) => e.what.startsWith('Digest weekly:e2e-'))).toBe(true)
      // The Local API stays open: subscriptions.e2e.test.ts's own test closes it after using it.
      await context.close()
    })
  })
}
