import path from 'node:path'
import { buildCmsIfChanged } from './lib/build.ts'
import { loadCmsEnv } from './lib/env.ts'
import { repoRoot } from './lib/paths.ts'
import { dropLeftoverDatabases } from './lib/postgres.ts'
import { run } from './lib/processes.ts'

/**
 * `pnpm --filter @pressroom/scripts crash-test`: the process-level crash test alone, with as many
 * runs as asked (`CRASH_RUNS=200`; also CRASH_SEED, CRASH_DATABASE=postgres with
 * TEST_POSTGRES_URL; see src/__tests__/crash.e2e.test.ts). It kills the built CMS, so the CMS is
 * built first when its sources changed, as `pnpm start` would.
 */
loadCmsEnv()
console.log(`next build: ${await buildCmsIfChanged(console.log)}`)
try {
  await run(
    path.join(repoRoot, 'node_modules/.bin/vitest'),
    ['run', '--config', 'vitest.e2e.config.ts', 'src/__tests__/crash.e2e.test.ts'],
    { cwd: path.join(repoRoot, 'scripts') },
  )
} finally {
  // The test leaves its PostgreSQL database when Payload still held a connection; it is gone now.
  const postgres = process.env.TEST_POSTGRES_URL
  if (process.env.CRASH_DATABASE === 'postgres' && postgres)
    await dropLeftoverDatabases(postgres, 'pressroom_test_crash_')
}
