import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sqliteTemplateEnv } from './sqliteTemplate.ts'

/**
 * Vitest global setup of the CMS project: on SQLite, pushes the schema once into a template
 * database, which `startPayload` copies for every test file instead of pushing again
 * (docs/adr/0050). In a child process, so that nothing of the config stays in the runner.
 */
export default function setup(): (() => void) | undefined {
  if (process.env.TEST_DATABASE === 'postgres') return undefined
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-template-'))
  const file = path.join(dir, 'template.db')
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pushSqliteTemplate.ts')
  const result = spawnSync(process.execPath, ['--import', 'tsx', script], {
    env: {
      ...process.env,
      DATABASE_URL: `file:${file}`,
      UPLOAD_DIR: path.join(dir, 'uploads'),
      PAYLOAD_SECRET: 'test-secret-that-is-long-enough-0123456789',
      JOBS_AUTORUN_CRON: 'off',
      SITE_BUILD: 'off',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  if (result.status !== 0) {
    rmSync(dir, { recursive: true, force: true })
    throw new Error(
      `Pushing the template SQLite database failed (${result.signal ?? `exit ${result.status}`}); see above.`,
    )
  }
  process.env[sqliteTemplateEnv] = file
  return () => rmSync(dir, { recursive: true, force: true })
}
