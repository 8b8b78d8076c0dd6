/**
 * Seeds the benchmark's database in a process of its own, one size after another: Payload keeps
 * one instance per process and cannot be started again after `destroy()`, which the seed needs so
 * that SQLite writes everything back before the CMS server and the copies read the file.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { repoRoot } from '../lib/paths.ts'
import { run } from '../lib/processes.ts'
import { seedBenchContent } from './seed.ts'

export async function seedApart(options: {
  from: number
  count: number
  outFile: string
  adminEmail: string
  adminPassword: string
}): Promise<{ seconds: number }> {
  await run(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts/src/bench/seedApart.ts')], {
    cwd: path.join(repoRoot, 'scripts'),
    env: {
      ...process.env,
      BENCH_SEED_FROM: String(options.from),
      BENCH_SEED_COUNT: String(options.count),
      BENCH_SEED_OUT: options.outFile,
      BENCH_ADMIN_EMAIL: options.adminEmail,
      BENCH_ADMIN_PASSWORD: options.adminPassword,
    },
  })
  return JSON.parse(readFileSync(options.outFile, 'utf8')) as { seconds: number }
}

// Run as a script: seed, write the seconds where the parent reads them.
if (process.env.BENCH_SEED_OUT && import.meta.filename === process.argv[1]) {
  const { writeFileSync } = await import('node:fs')
  const result = await seedBenchContent({
    from: Number(process.env.BENCH_SEED_FROM),
    count: Number(process.env.BENCH_SEED_COUNT),
    adminEmail: process.env.BENCH_ADMIN_EMAIL as string,
    adminPassword: process.env.BENCH_ADMIN_PASSWORD as string,
    log: (message) => console.log(`[bench] ${message}`),
  })
  writeFileSync(process.env.BENCH_SEED_OUT, JSON.stringify(result))
  process.exit(0)
}
