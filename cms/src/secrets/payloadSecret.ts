/**
 * PAYLOAD_SECRET signs sessions, subscription and acknowledgement links and keys the rate-limit
 * hashes: a guessable one lets anyone sign in as staff (docs/adr/0033). Plain Node loads this file
 * (src/server/main.ts checks before Next starts), so it imports nothing.
 */

/** The value cms/.env.example shows; a copied example is no secret. */
export const exampleSecret = 'replace-with-the-output-of-openssl-rand-hex-32'

const minimumLength = 32
/** Placeholder words people leave in copied configuration. */
const placeholder = /change.?me|replace.?(me|with)|your.?secret|^secret$|example|placeholder/i
/** A 32-character value of few distinct characters (aaaa…, 0000…, abab…) is not random. */
const minimumDistinct = 8

const howToSet =
  '`./pressroom start` writes one to cms/.env; elsewhere set PAYLOAD_SECRET to a long random string (e.g. `openssl rand -hex 32`).'

/** Why the secret must not be used, or undefined when it may. `production` adds the checks for copied and made-up values. */
export function payloadSecretProblem(secret: string | undefined, production: boolean): string | undefined {
  if (!secret) return `PAYLOAD_SECRET is not set. ${howToSet}`
  if (secret.length < minimumLength) {
    return `PAYLOAD_SECRET is shorter than ${minimumLength} characters. ${howToSet}`
  }
  if (!production) return undefined
  if (secret === exampleSecret || placeholder.test(secret)) {
    return `PAYLOAD_SECRET is the example value from cms/.env.example (or another placeholder), which anyone can read. ${howToSet}`
  }
  if (new Set(secret).size < minimumDistinct) {
    return `PAYLOAD_SECRET is too regular to be random (fewer than ${minimumDistinct} different characters). ${howToSet}`
  }
  return undefined
}

/** The secret, or an error that says what to set. */
export function requirePayloadSecret(
  env: Record<string, string | undefined> = process.env,
  production = env.NODE_ENV === 'production' && env.NEXT_PHASE !== 'phase-production-build',
): string {
  const problem = payloadSecretProblem(env.PAYLOAD_SECRET, production)
  if (problem) throw new Error(problem)
  return env.PAYLOAD_SECRET as string
}
