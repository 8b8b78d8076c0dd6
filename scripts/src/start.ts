import path from 'node:path'
import { siteBuildSettings } from '@pressroom/cms/site-build-settings'
import { liveRelease, type SiteBuildResult } from '@pressroom/cms/site-builder'
import { buildCmsIfChanged, buildSitePreviewIfChanged } from './lib/build.ts'
import { prepareAndSeed } from './lib/cms.ts'
import { cmsServerEnv, spawnCmsServer, waitForCmsServer } from './lib/cmsServer.ts'
import { repoRoot } from './lib/paths.ts'
import { waitForSiteBuild } from './lib/siteBuilds.ts'
import { type RunningSiteServer, startSiteServer } from './lib/siteServer.ts'

/**
 * The main job: database ready and seeded, CMS built (when its sources changed) and served, and
 * the public site built from it and served. The CMS rebuilds the site itself on every public
 * change (docs/adr/0019); this script waits for the first build and serves `site/live`.
 * Everything it needs comes from cms/.env and the environment (see README).
 */
const started = Date.now()
const log = (message: string) => console.log(`[pressroom] ${message}`)
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`

cmsServerEnv()
const port = Number(process.env.PORT ?? 3000)
const baseUrl = process.env.CMS_URL || `http://localhost:${port}`
const site = siteBuildSettings()
const sitePort = Number(process.env.SITE_PORT)

log('Preparing the database and seeding…')
const seeded = await prepareAndSeed(log)
for (const item of seeded.created) log(`  seeded ${item}`)
if (seeded.created.length === 0) log('  already seeded: nothing to add')

const build = await buildCmsIfChanged(log)
log(`CMS build ${build} (${seconds()})`)
log(`site preview build ${await buildSitePreviewIfChanged(log)} (${seconds()})`)

const cmsStarted = new Date()
const server = spawnCmsServer(port)
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))

await waitForCmsServer(port, server)

// The CMS asks for a build as it starts ("CMS started"); serve the last good site meanwhile.
let siteServer: RunningSiteServer | null = null
let siteLines: string[] = []
if (!site.enabled) {
  siteLines = ['Site:      not built (SITE_BUILD=off)']
} else if (site.hookUrl) {
  siteLines = ['Site:      built elsewhere: each change is sent to SITE_BUILD_HOOK_URL']
} else {
  siteServer = await startSiteServer({ liveDir: site.liveLink, base: site.siteBase, port: sitePort })
  log('Building the site (the CMS started its first build)…')
  let first: SiteBuildResult | null = null
  try {
    first = await waitForSiteBuild({
      releasesDir: site.releasesDir,
      since: cmsStarted,
      timeoutMs: 900_000,
      process: server,
    })
  } catch (error) {
    log(`The first site build did not finish: ${(error as Error).message}`)
  }
  const builds = `${baseUrl}/admin/collections/site-builds`
  if (first?.status === 'succeeded') {
    log(`Site built: ${first.pages} pages in ${(first.durationMs / 1000).toFixed(1)} s (${seconds()})`)
    siteLines = [`Site:      ${siteServer.url}   (rebuilt a few seconds after each published change)`]
  } else {
    if (first) log(`The site build FAILED: ${first.error}\n${first.logTail.split('\n').slice(-15).join('\n')}`)
    siteLines = [
      `Site:      ${siteServer.url}   (${(await liveRelease(site.liveLink)) ? 'the last good build: the new one failed' : 'nothing to serve yet: the build failed'})`,
      `           Why: ${builds}`,
    ]
  }
}

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
    ${siteLines.join('\n    ')}
  Stop with Ctrl+C.
`)
