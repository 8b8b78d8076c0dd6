import { spawn } from 'node:child_process'
import path from 'node:path'
import { buildCmsIfChanged } from './lib/build.ts'
import { prepareAndSeed } from './lib/cms.ts'
import { loadCmsEnv } from './lib/env.ts'
import { cmsDir, repoRoot } from './lib/paths.ts'
import { waitForHttp } from './lib/processes.ts'

/**
 * The main job: database ready and seeded, CMS built (when its sources changed) and served.
 * Everything it needs comes from cms/.env and the environment (see README).
 */
const started = Date.now()
const log = (message: string) => console.log(`[pressroom] ${message}`)
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`

loadCmsEnv()
const port = Number(process.env.PORT ?? 3000)
const baseUrl = process.env.CMS_URL || `http://localhost:${port}`

log('Preparing the database and seeding…')
const seeded = await prepareAndSeed()
for (const item of seeded.created) log(`  seeded ${item}`)
if (seeded.created.length === 0) log('  already seeded: nothing to add')

const build = await buildCmsIfChanged(log)
log(`CMS build ${build} (${seconds()})`)

const server = spawn(path.join(cmsDir, 'node_modules/.bin/next'), ['start', '--port', String(port)], {
  cwd: cmsDir,
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))

await waitForHttp(`http://127.0.0.1:${port}/admin/login`, 120_000, server)

const database = process.env.DATABASE_URL?.startsWith('file:')
  ? `SQLite ${path.relative(repoRoot, process.env.DATABASE_URL.slice('file:'.length))}`
  : 'PostgreSQL (DATABASE_URL)'
const login = seeded.admin.generatedPassword
  ? `${seeded.admin.email} / ${seeded.admin.generatedPassword}   (generated now and shown only this once: keep it)`
  : seeded.admin.existed
    ? `${seeded.admin.email} / the password set at first start (or ADMIN_PASSWORD then)`
    : `${seeded.admin.email} / the ADMIN_PASSWORD you set`
console.log(`
  Press room CMS is ready in ${seconds()}
    Admin:     ${baseUrl}/admin
    Log in:    ${login}
    REST API:  ${baseUrl}/api/statements   GraphQL: ${baseUrl}/api/graphql
    Database:  ${database}
  Stop with Ctrl+C.
`)
