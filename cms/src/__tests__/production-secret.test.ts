import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { exampleSecret, payloadSecretProblem } from '../secrets/payloadSecret.ts'

const cmsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** The CMS's production server (src/server/main.ts) as `pnpm start` runs it, with `secret`. */
function startProduction(secret: string) {
  const { PAYLOAD_SECRET: _ours, ...env } = process.env
  return spawnSync(process.execPath, [path.join(cmsRoot, 'src/server/main.ts'), '--port', '1'], {
    cwd: cmsRoot,
    env: { ...env, NODE_ENV: 'production', PAYLOAD_SECRET: secret },
    encoding: 'utf8',
    timeout: 20_000,
  })
}

describe('the secret a production CMS starts with (docs/adr/0033)', () => {
  it('refuses to start on the example, a short or a regular secret, saying what to set', () => {
    const fromExampleFile = /^PAYLOAD_SECRET=(.*)$/m.exec(readFileSync(path.join(cmsRoot, '.env.example'), 'utf8'))?.[1]
    expect(fromExampleFile).toBe(exampleSecret)
    for (const [secret, why] of [
      [exampleSecret, /the example value from cms\/\.env\.example/],
      ['too-short-0123', /shorter than 32 characters/],
      ['ab'.repeat(20), /too regular to be random/],
      ['please-change-me-to-something-long-and-random', /the example value .*or another placeholder/],
    ] as const) {
      const run = startProduction(secret)
      expect(run.status, secret).toBe(1)
      expect(run.stderr, secret).toMatch(why)
      expect(run.stderr, secret).toMatch(/set PAYLOAD_SECRET to a long random string \(e\.g\. `openssl rand -hex 32`\)/)
      expect(run.stdout, secret).not.toMatch(/CMS listening/)
    }
  })

  it('takes a random secret in production, and does not hold development to the production rules', () => {
    expect(payloadSecretProblem(randomBytes(32).toString('hex'), true)).toBeUndefined()
    expect(payloadSecretProblem('e2e-secret-that-is-long-enough-0123456789', true)).toBeUndefined()
    expect(payloadSecretProblem(exampleSecret, false)).toBeUndefined()
    expect(payloadSecretProblem(undefined, false)).toMatch(/PAYLOAD_SECRET is not set/)
    expect(payloadSecretProblem('', true)).toMatch(/PAYLOAD_SECRET is not set/)
  })
})
