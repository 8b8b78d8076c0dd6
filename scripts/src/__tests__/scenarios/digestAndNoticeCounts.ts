import { describe, expect, it } from 'vitest'
import type { E2ePressRoom } from '../../lib/e2ePressRoom.ts'

/**
 * Issue 16, items 3 and 4 in the admin (docs/adr/0045, 0046): "E-mail this publication" on a
 * statement written only in English counts, in its confirmation, the subscribers who get it in
 * their digest instead and the Russian-only subscriber told in a notice; confirming plans exactly
 * those sends. Registered by notices.e2e.test.ts (started CMS, local outbox, Local API in its
 * process) before any other test adds subscribers: the counts below are all its own.
 */
export function describeDigestAndNoticeCounts(started: () => E2ePressRoom): void {
  describe('"E-mail this publication" with digest and language-notice subscribers', () => {
    it('counts the digest readers and the notice in the dialog, and plans the e-mail and the notice', async () => {
      const room = started()
      const [{ getPayload }, { default: config }, { paragraphsToLexical }] = await Promise.all([
        import('payload'),
        import('@pressroom/cms/config'),
        import('@pressroom/cms/seed/lexical'),
      ])
      const payload = await getPayload({ config })
      const statement = await payload.create({
        collection: 'statements',
        locale: 'en',
        data: {
          title: 'On the talks in Vienna',
          date: '2026-03-02T09:00:00.000Z',
          body: paragraphsToLexical(['Written in English only.']),
          _status: 'published',
        },
      })
      const subscribers = [
        { email: 'now-en@example.org', languages: ['en'] },
        { email: 'daily-en@example.org', languages: ['en'], frequency: 'daily' },
        { email: 'only-ru@example.org', languages: ['ru'] },
        { email: 'only-ru-quiet@example.org', languages: ['ru'], languageNotices: false },
      ] as const
      for (const s of subscribers) {
        await payload.create({
          collection: 'subscribers',
          data: {
            status: 'active',
            locale: 'en',
            tokenVersion: 1,
            kinds: ['statement'],
            ...s,
            languages: [...s.languages],
          },
        })
      }

      const context = await room.browser.newContext({ locale: 'en-GB' })
      const page = await context.newPage()
      await room.logIn(page)
      await page.goto(`${room.cmsUrl}/admin/collections/statements/${statement.id}`)
      await page.getByRole('button', { name: 'E-mail this publication' }).click()
      const dialog = page.getByRole('dialog')
      await dialog
        .getByRole('heading', { name: 'E-mail 2 subscribers (en 1, notice in ru (not written in it) 1)?' })
        .waitFor()
      await dialog.getByText('Besides them, 1 matching subscribers get it in their daily or weekly digest.').waitFor()
      await dialog.getByRole('button', { name: 'Yes, e-mail them' }).click()
      await page
        .getByRole('status')
        .filter({ hasText: 'Planned 1 e-mails in en, 1 notices in ru (not written in that language).' })
        .waitFor()
      await context.close()

      // Planned, and held for the grace period: the digest reader and the quiet one are in neither.
      const sends = await payload.find({
        collection: 'sends',
        where: { key: { like: `:statements:${statement.id}:` } },
        depth: 0,
      })
      const planned: Record<string, string[]> = {}
      for (const send of sends.docs) {
        const rows = await payload.find({ collection: 'deliveries', where: { send: { equals: send.id } }, depth: 0 })
        planned[send.key] = rows.docs.map((d) => d.email)
      }
      expect(planned).toEqual({
        [`publication:statements:${statement.id}:en`]: ['now-en@example.org'],
        [`language-notice:statements:${statement.id}:ru`]: ['only-ru@example.org'],
      })
    })
  })
}
