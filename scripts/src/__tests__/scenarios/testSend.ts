import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { E2ePressRoom } from '../../lib/e2ePressRoom.ts'

/**
 * Issue 15, item 2 (docs/adr/0038): staff press "Send a test to me" on a dispatch and on a press
 * release in the admin of the started CMS and see it confirmed; the local outbox then holds the
 * two messages, marked as tests and addressed to that staff member alone. Registered by an
 * end-to-end file that has already started the press room with a local outbox
 * (notices.e2e.test.ts): no start of its own; it looks only at the messages it added.
 */
/** The Subject header of a raw message, unfolded, with its MIME encoded words (B or Q) decoded. */
function subjectOf(raw: string): string {
  const folded = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? ''
  return folded
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/\r?\n[ \t]/g, ' ')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    )
}

export function describeTestSend(started: () => E2ePressRoom, outbox: () => string): void {
  describe('"Send a test to me" in the admin', () => {
    it('sends a marked test of a dispatch and of a press release to the signed-in staff member only', async () => {
      const room = started()
      const emlFiles = () => readdirSync(outbox()).filter((name) => name.endsWith('.eml'))
      const before = new Set(emlFiles())
      const context = await room.browser.newContext({ locale: 'en-GB' })
      const page = await context.newPage()
      await room.logIn(page)
      // A draft dispatch of the seeded notice and a draft press release, saved as the admin saves them.
      const ids = await page.evaluate(async () => {
        const json = async (path: string, body?: unknown) =>
          (
            await fetch(
              path,
              body
                ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
                : {},
            )
          ).json()
        const notice = (await json('/api/notices?limit=1&depth=0')).docs[0].id
        const group = (await json('/api/distribution-groups?limit=1&depth=0')).docs[0].id
        const dispatch = (await json('/api/dispatches?depth=0', { notice, groups: [group] })).doc.id as number
        const release = (await json('/api/press-releases?draft=true&depth=0', { title: 'A release still in draft' }))
          .doc.id as number
        return { dispatch, release }
      })

      await page.goto(`${room.cmsUrl}/admin/collections/dispatches/${ids.dispatch}`)
      await page.getByRole('button', { name: 'Send a test to me' }).click()
      await page
        .getByRole('status')
        .filter({ hasText: /Test sent to admin@pressroom\.localhost/ })
        .waitFor()

      await page.goto(`${room.cmsUrl}/admin/collections/press-releases/${ids.release}`)
      await page.getByRole('button', { name: 'Show the e-mail' }).click()
      await expect
        .poll(() => page.getByTestId('mail-preview-subject').textContent())
        .toContain('A release still in draft')
      await page.getByRole('button', { name: 'Send a test to me' }).click()
      await page
        .getByRole('status')
        .filter({ hasText: /Test sent to admin@pressroom\.localhost/ })
        .waitFor()
      await context.close()

      const messages = emlFiles()
        .filter((name) => !before.has(name))
        .map((name) => readFileSync(path.join(outbox(), name), 'utf8'))
      expect(messages).toHaveLength(2)
      for (const message of messages) {
        expect(message).toMatch(/^X-Pressroom-Test: 1$/m)
        expect(message).toMatch(/^To: admin@pressroom\.localhost$/m)
        expect(subjectOf(message)).toMatch(/^\[TEST\] /)
      }
      expect(messages.filter((m) => m.includes('Content-Type: application/pdf'))).toHaveLength(1)
      expect(messages.map(subjectOf).some((subject) => subject.includes('A release still in draft'))).toBe(true)
    })
  })
}
