import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { E2ePressRoom } from '../../lib/e2ePressRoom.ts'

/** A raw message's text with quoted-printable undone (soft line breaks would cut a link). */
const unquoted = (raw: string) =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))

/**
 * Issue 16 part 1 (docs/adr/0043): staff send an embargoed press release ahead to a vetted
 * journalist from its sidebar, after the counts; the outbox holds the e-mail with the private
 * link; the journalist (no session) opens it, accepts the embargo terms, reads the text and
 * downloads the PDF edition; once staff revoke the link it shows nothing. Registered by an
 * end-to-end file that has started the press room with a local outbox (notices.e2e.test.ts).
 */
export function describeAdvanceSend(started: () => E2ePressRoom, outbox: () => string): void {
  describe('sending an embargoed release ahead to a vetted journalist', () => {
    it('sends after the counts; the journalist accepts the terms, reads, downloads; a revoked link shows nothing', async () => {
      const room = started()
      const address = 'advance-e2e@news.example'
      const staff = await room.browser.newContext({ locale: 'en-GB' })
      const page = await staff.newPage()
      await room.logIn(page)
      const ids = await page.evaluate(
        async ({ address, embargo }) => {
          const post = async (path: string, body: unknown) =>
            (
              await fetch(path, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify(body),
              })
            ).json()
          const journalist = await post('/api/journalists?depth=0', {
            name: 'Erika Advance',
            outlet: 'The Example Times',
            email: address,
            languages: ['en'],
            consent: { at: '2026-01-10T10:00:00.000Z', how: 'By e-mail' },
          })
          const release = await post('/api/press-releases?depth=0', {
            title: 'Advance sends in Chromium',
            summary: 'Only the vetted journalist reads this before the instant.',
            embargoUntil: embargo,
            _status: 'published',
          })
          return { journalist: journalist.doc.id as number, release: release.doc.id as number }
        },
        { address, embargo: new Date(Date.now() + 3600_000).toISOString() },
      )
      // The outbox folder appears with its first message (run alone, this scenario may write the first).
      const emlFiles = () => (existsSync(outbox()) ? readdirSync(outbox()).filter((name) => name.endsWith('.eml')) : [])
      const before = new Set(emlFiles())

      await page.goto(`${room.cmsUrl}/admin/collections/press-releases/${ids.release}`)
      const panel = page.getByTestId('advance-send')
      // All vetted journalists (the default): in this press room, the one just added. Groups and chosen
      // people are covered by the CMS's tests (cms/src/__tests__/helpers/advanceSends.ts).
      await panel.getByLabel('The journalist accepts the embargo terms first').check()
      await panel.getByRole('button', { name: 'Count recipients' }).click()
      const dialog = page.getByRole('dialog')
      await dialog.getByText('1 journalists: 1 in English, 0 in Russian, 0 in both').waitFor()
      await dialog.getByRole('button', { name: 'Send ahead now' }).click()
      await page
        .getByRole('status')
        .filter({ hasText: /Sent ahead to 1 journalists/ })
        .waitFor()

      // The delivery core's worker runs every second in the started CMS.
      let message = ''
      await expect
        .poll(
          () => {
            const added = emlFiles().filter((name) => !before.has(name))
            message = added.map((name) => unquoted(readFileSync(path.join(outbox(), name), 'utf8'))).join('\n')
            return message.includes(`To: ${address}`)
          },
          { timeout: 20_000 },
        )
        .toBe(true)
      expect(message).toContain('EMBARGOED: not for publication')
      expect(message).not.toContain('Only the vetted journalist reads this')
      const link = /(http:\/\/localhost:\d+\/embargoed\/[\w.-]+)/.exec(message)?.[1]
      expect(link, 'the e-mail carries the private link').toBeTruthy()

      const journalist = await room.browser.newContext({ locale: 'en-GB', acceptDownloads: true })
      const reader = await journalist.newPage()
      const terms = await reader.goto(link!)
      expect(terms?.headers()['x-robots-tag']).toBe('noindex, nofollow')
      await reader.getByRole('heading', { name: 'Условия эмбарго' }).waitFor()
      expect(await reader.content()).not.toContain('Only the vetted journalist reads this')
      await reader.getByRole('button', { name: /I accept the embargo terms/ }).click()
      await reader.getByText('Only the vetted journalist reads this before the instant.').waitFor()
      const [download] = await Promise.all([
        reader.waitForEvent('download'),
        reader.getByRole('link', { name: 'Download the PDF edition' }).click(),
      ])
      expect(download.suggestedFilename()).toMatch(/\.pdf$/)
      const pdf = readFileSync((await download.path())!)
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')

      const logged = await page.evaluate(async (email) => {
        const answer = await (await fetch(`/api/advance-links?where[email][equals]=${email}&depth=0`)).json()
        const row = answer.docs[0]
        const revoked = await fetch(`/api/advance/links/${row.id}/revoke`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        })
        return { opens: row.opens, pdfDownloads: row.pdfDownloads, revoked: revoked.status }
      }, address)
      expect(logged).toEqual({ opens: 1, pdfDownloads: 1, revoked: 200 })
      const gone = await reader.goto(link!)
      expect(gone?.status()).toBe(404)
      expect(await reader.textContent('body')).toBe('Not found')
      await journalist.close()
      await staff.close()
    })
  })
}
