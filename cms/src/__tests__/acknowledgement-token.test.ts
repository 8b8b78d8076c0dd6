import { describe, expect, it } from 'vitest'
import {
  parseAcknowledgementToken,
  signAcknowledgementToken,
  verifyAcknowledgementSignature,
} from '../notices/acknowledgement/token.ts'

const secret = 'a-test-secret-that-is-long-enough-0123456789'
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** Whether a link's token would acknowledge the row it names. */
function accepted(token: string, subject: { id: number; createdAt: string }): boolean {
  const parsed = parseAcknowledgementToken(token)
  return (
    parsed !== null && parsed.id === subject.id && verifyAcknowledgementSignature(secret, subject, parsed.signature)
  )
}

/** The pages and the log on a real CMS: notices-acknowledgement tests; here the token alone (docs/adr/0017). */
describe('acknowledgement tokens', () => {
  it('acknowledge their own row, and nothing with any one character changed, the last one included', () => {
    for (let id = 1; id <= 20; id++) {
      const subject = { id, createdAt: new Date(Date.UTC(2026, 2, 5, 12, 0, id)).toISOString() }
      const token = signAcknowledgementToken(secret, subject)
      expect(accepted(token, subject)).toBe(true)
      for (let i = 0; i < token.length; i++) {
        // The next letter of the alphabet: for base64url's last letter often the same bytes.
        const next = alphabet[(alphabet.indexOf(token[i] as string) + 1) % alphabet.length] as string
        const changed = `${token.slice(0, i)}${next}${token.slice(i + 1)}`
        expect(accepted(changed, subject), `${changed} (position ${i})`).toBe(false)
      }
    }
  })
})
