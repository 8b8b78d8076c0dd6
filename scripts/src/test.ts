import { readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { buildCmsIfChanged, buildSitePreviewIfChanged } from './lib/build.ts'
import { loadCmsEnv } from './lib/env.ts'
import { cmsDir, repoRoot, systemScripts } from './lib/paths.ts'
import { dropLeftoverDatabases } from './lib/postgres.ts'
import { capture, run, runSideBySide } from './lib/processes.ts'

/**
 * `pnpm test`: every check CI runs, in order, stopping at the first failure.
 * Needs PostgreSQL and Chromium from Debian (`./pressroom test` installs them).
 */
const bin = (name: string) => path.join(repoRoot, 'node_modules/.bin', name)
const timings: [string, number][] = []

async function step(name: string, action: () => Promise<void>) {
  console.log(`\n=== ${name}`)
  const started = Date.now()
  await action()
  timings.push([name, Date.now() - started])
}

const postgresScript = path.join(systemScripts, 'postgres.sh')
let postgresUrl = ''

try {
  await step('format and lint (biome)', () => run(bin('biome'), ['ci', '.'], { cwd: repoRoot }))

  await step('type check (tsc, every package)', async () => {
    for (const pkg of ['shared', 'cms', 'scripts']) await run(bin('tsc'), ['--noEmit', '-p', path.join(repoRoot, pkg)])
  })

  await step('start a private PostgreSQL on loopback', async () => {
    postgresUrl = await capture('bash', [postgresScript, 'start'])
    console.log(postgresUrl)
  })

  await step('PostgreSQL migrations match the schema (drift check)', async () => {
    const database = `pressroom_drift_${Date.now()}`
    await run('psql', [postgresUrl, '-qc', `CREATE DATABASE ${database}`])
    const url = new URL(postgresUrl)
    url.pathname = `/${database}`
    const migrations = path.join(cmsDir, 'src/migrations')
    const before = new Set(readdirSync(migrations))
    await run(path.join(cmsDir, 'node_modules/.bin/payload'), ['migrate:create', '--skip-empty', 'drift-check'], {
      cwd: cmsDir,
      env: { ...process.env, DATABASE_URL: url.toString(), PAYLOAD_SECRET: 'drift-check-secret-0123456789abcdef' },
    })
    await run('psql', [postgresUrl, '-qc', `DROP DATABASE ${database}`])
    const added = readdirSync(migrations).filter((file) => !before.has(file))
    if (added.length > 0) {
      for (const file of added) rmSync(path.join(migrations, file))
      throw new Error(
        'The collections changed but no PostgreSQL migration records it. Run ' +
          '`DATABASE_URL=postgres://… pnpm --filter @pressroom/cms migrate:create <name>` and commit the new files in cms/src/migrations.',
      )
    }
  })

  // The leak audit (CMS tests) and the end-to-end run render previews with it (docs/adr/0037-previews.md).
  await step('build the site preview (astro build --config astro.preview.config.ts)', async () => {
    console.log(`site preview build: ${await buildSitePreviewIfChanged(console.log)}`)
  })

  // Side by side: each run waits on timers and child processes a good part of the time, so
  // together they fill the two cores better than one after the other.
  await step(
    'unit and integration tests on SQLite and, beside them, the CMS tests on PostgreSQL (vitest)',
    async () => {
      // Databases an earlier run could not drop while Payload still held a connection.
      await dropLeftoverDatabases(postgresUrl, 'pressroom_test_')
      await runSideBySide([
        { name: 'SQLite: every package', command: bin('vitest'), args: ['run'], options: { cwd: repoRoot } },
        {
          name: 'PostgreSQL: the CMS',
          command: bin('vitest'),
          args: ['run', '--project', '@pressroom/cms'],
          options: {
            cwd: repoRoot,
            env: { ...process.env, TEST_DATABASE: 'postgres', TEST_POSTGRES_URL: postgresUrl },
          },
        },
      ])
    },
  )

  await step('build the CMS (next build)', async () => {
    loadCmsEnv()
    console.log(`next build: ${await buildCmsIfChanged(console.log)}`)
  })

  // Two lanes: the crash runs spend most of their time waiting (leases running out, the fake
  // provider's rate, the cron's ticks, the CMS restarting), the other end-to-end files on
  // Chromium and Next; beside each other they fill the two cores (docs/adr/0050).
  await step(
    'end-to-end: the started CMS and the built site in Chromium, then the crash test on PostgreSQL; beside them the crash test on SQLite',
    () => {
      const e2e = { cwd: path.join(repoRoot, 'scripts') }
      const crashTest = 'src/__tests__/crash.e2e.test.ts'
      return runSideBySide([
        {
          name: 'end-to-end in Chromium',
          command: bin('vitest'),
          args: ['run', '--config', 'vitest.e2e.config.ts', '--exclude', crashTest],
          options: e2e,
          next: {
            name: 'crash test on PostgreSQL: the CMS server killed and restarted (docs/adr/0026)',
            command: bin('vitest'),
            args: ['run', '--config', 'vitest.e2e.config.ts', crashTest],
            options: {
              ...e2e,
              env: {
                ...process.env,
                CRASH_DATABASE: 'postgres',
                TEST_POSTGRES_URL: postgresUrl,
                CRASH_RUNS: process.env.CRASH_POSTGRES_RUNS ?? '10',
              },
            },
          },
        },
        {
          // At a lower priority: the Chromium lane's clicks wait on the admin, the crash runs on
          // leases and ticks that tolerate a slower CPU (a dispatch dropdown timed out beside it).
          name: 'crash test on SQLite: the CMS server killed and restarted (docs/adr/0026)',
          command: 'nice',
          args: ['-n', '10', bin('vitest'), 'run', '--config', 'vitest.e2e.config.ts', crashTest],
          options: e2e,
        },
      ])
    },
  )

  // The site's types include what Astro generates from its content config during a build,
  // which the end-to-end run has just done.
  await step('type check the site (tsc, after its first build)', () =>
    run(bin('tsc'), ['--noEmit', '-p', path.join(repoRoot, 'site')]),
  )
} finally {
  if (postgresUrl) await run('bash', [postgresScript, 'stop']).catch(() => {})
  console.log('\n=== timings')
  for (const [name, ms] of timings) console.log(`${(ms / 1000).toFixed(1).padStart(7)} s  ${name}`)
}
