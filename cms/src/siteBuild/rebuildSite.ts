import type { Payload, PayloadRequest, TaskConfig } from 'payload'
import type { SiteBuild } from '../payload-types.ts'
import { redactSecrets } from '../secrets/secretValues.ts'
import { createSiteBuilder, type SiteBuilder, type SiteBuildResult } from './builder.ts'
import { callBuildHook } from './buildHook.ts'
import { buildEndedHere, buildStartedHere } from './buildsRunningHere.ts'
import { SiteBuildError } from './failure.ts'
import { lastFinishedBuild } from './lastFinishedBuild.ts'
import { oneAtATime, rebuildSiteTask, startWaitingBuildNow } from './requestSiteBuild.ts'
import { type SiteBuildSettings, siteBuildSettings } from './settings.ts'
import { changesCommitted, hasUncommittedChanges } from './uncommittedChanges.ts'

type RebuildSiteIO = { input: { build: string }; output: { status: string } }

/**
 * The job behind every site-builds record: builds the site here (or calls the build hook) and
 * records the outcome there. A failed build is a completed job whose output says `failed`: the
 * record is what staff read, and a thrown error would only repeat it as a large job dump in the
 * log. It is not retried: the next change queues a new build anyway.
 */
export function rebuildSiteWith(afterLive: ((payload: Payload) => Promise<unknown>)[] = []): TaskConfig<RebuildSiteIO> {
  return { ...rebuildSite, handler: handlerWith(afterLive) }
}

export const rebuildSite: TaskConfig<RebuildSiteIO> = {
  slug: rebuildSiteTask,
  label: 'Rebuild the public site',
  inputSchema: [{ name: 'build', type: 'text', required: true }],
  outputSchema: [{ name: 'status', type: 'text' }],
  retries: 0,
  handler: handlerWith([]),
}

/**
 * `afterLive`: what features do once a build here made a new release live (e.g. let the e-mails
 * wait for their page go, docs/adr/0044); injected so that the site build imports no feature.
 * Their state is in the database, so a crash before they run only delays them to the next run.
 */
function handlerWith(afterLive: ((payload: Payload) => Promise<unknown>)[]): TaskConfig<RebuildSiteIO>['handler'] {
  return async ({ input, req }) => {
    const payload = req.payload
    const result = await runBuild(payload, input.build)
    if (!result) return { output: { status: 'skipped: finished already' } }
    if (result.status === 'succeeded' && !siteBuildSettings().hookUrl) {
      for (const step of afterLive) {
        await step(payload).catch((error: Error) => {
          payload.logger.error(`After site build ${input.build}: ${error.message} (the next run tries again).`)
        })
      }
    }
    return { output: { status: result.status } }
  }
}

/** Builds (or calls the hook) for one record and records the outcome; null when it had finished already. */
async function runBuild(payload: Payload, id: string): Promise<SiteBuildResult | null> {
  const build = await startBuild(payload, id)
  if (!build) return null
  try {
    const result = await buildFor(payload, build)
    await finishBuild(payload, build, result)
    if (result.status === 'failed') {
      payload.logger.error(
        `Site build ${build.id} failed: ${redactSecrets(result.error ?? '')} Details: Administration → Site builds.`,
      )
    }
    return result
  } finally {
    // Changes made during this build queued the next one: it starts now, not at a cron tick.
    buildEndedHere()
    await startWaitingBuildNow(payload).catch((error: Error) => {
      payload.logger.error(`After site build ${build.id}: ${error.message} (the next change starts the next build).`)
    })
  }
}

async function buildFor(payload: Payload, build: SiteBuild): Promise<SiteBuildResult> {
  const settings = siteBuildSettings()
  try {
    return settings.hookUrl
      ? await callBuildHook(settings.hookUrl, { build: String(build.id), requestedAt: build.requestedAt })
      : await buildHere(payload, settings)
  } catch (error) {
    const now = new Date().toISOString()
    const message = (error as Error).message
    return {
      status: 'failed',
      release: null,
      startedAt: now,
      finishedAt: now,
      durationMs: 0,
      pages: null,
      logTail: message,
      error: message,
      failure: error instanceof SiteBuildError ? error.failure : { code: 'unexpected', vars: { message } },
    }
  }
}

/**
 * Marks the record running, unless it is finished. A record found `running` was left so by a
 * process that stopped during the build (only one live run holds a job; docs/adr/0026): its build
 * starts again, unless a build started after it has already published its changes. It starts
 * only once the changes it carries have committed, so that it reads them (docs/adr/0044).
 */
async function startBuild(payload: Payload, id: string): Promise<SiteBuild | null> {
  const deadline = Date.now() + uncommittedWaitMs
  for (;;) {
    await changesCommitted(id, deadline)
    const started = await oneAtATime(payload, (req) => markRunning(payload, id, deadline, req))
    if (started === 'wait') continue
    if (started) buildStartedHere()
    return started
  }
}

/** How long a build waits for the transactions of the changes it carries (they last milliseconds). */
const uncommittedWaitMs = 60_000

async function markRunning(
  payload: Payload,
  id: string,
  deadline: number,
  req?: PayloadRequest,
): Promise<SiteBuild | null | 'wait'> {
  // A change joined it since the wait above: leave the turn and wait for that one too.
  if (hasUncommittedChanges(id) && Date.now() < deadline) return 'wait'
  const build = await payload.findByID({ collection: 'site-builds', id, depth: 0, req }).catch(() => null)
  if (build?.status !== 'queued' && build?.status !== 'running') return null
  if (build.status === 'running' && (await coveredByLaterBuild(payload, build, req))) return null
  return payload.update({
    collection: 'site-builds',
    id: build.id,
    data: { status: 'running', startedAt: new Date().toISOString() },
    depth: 0,
    req,
  })
}

/** An interrupted build whose changes a later successful build already published is recorded as such. */
async function coveredByLaterBuild(payload: Payload, build: SiteBuild, req?: PayloadRequest): Promise<boolean> {
  if (!build.startedAt) return false
  const later = await lastFinishedBuild(
    payload,
    { status: { equals: 'succeeded' }, startedAt: { greater_than: build.startedAt } },
    req,
  )
  if (!later) return false
  await payload.update({
    collection: 'site-builds',
    id: build.id,
    data: {
      status: 'succeeded',
      finishedAt: later.finishedAt,
      release: later.release,
      pages: later.pages,
      logTail:
        `The CMS stopped during this build; build ${later.id}, started after it, published these changes.\n` +
        `CMS остановилась во время этой сборки; сборка ${later.id}, начатая позже, опубликовала эти изменения.`,
    },
    depth: 0,
    req,
  })
  return true
}

async function finishBuild(payload: Payload, build: SiteBuild, result: SiteBuildResult): Promise<void> {
  await payload.update({
    collection: 'site-builds',
    id: build.id,
    data: {
      status: result.status,
      finishedAt: result.finishedAt,
      durationSeconds:
        Math.round((Date.parse(result.finishedAt) - Date.parse(build.startedAt ?? result.startedAt)) / 100) / 10,
      pages: result.pages,
      release: result.release,
      // Staff read these: whatever the build or its hook printed, no secret goes on (docs/adr/0033).
      logTail: redactSecrets(result.logTail),
      error: result.error === null ? null : redactSecrets(result.error),
      failure: result.failure,
    },
    depth: 0,
  })
}

const builders = new Map<string, SiteBuilder>()

/** One builder, and so one build at a time, per configuration in this process. */
function builderFor(payload: Payload, settings: SiteBuildSettings): SiteBuilder {
  const options = {
    siteDir: settings.siteDir,
    releasesDir: settings.releasesDir,
    liveLink: settings.liveLink,
    command: settings.command,
    timeoutMs: settings.timeoutMs,
    keep: settings.releasesKeep,
    env: {
      CMS_URL: settings.buildCmsUrl,
      SITE_URL: settings.siteUrl,
      SITE_BASE: settings.siteBase,
      PUBLIC_CMS_URL: settings.publicCmsUrl,
    },
  }
  const key = JSON.stringify(options)
  let builder = builders.get(key)
  if (!builder) {
    builder = createSiteBuilder({ ...options, log: (message) => payload.logger.info(message) })
    builders.set(key, builder)
  }
  return builder
}

async function buildHere(payload: Payload, settings: SiteBuildSettings): Promise<SiteBuildResult> {
  await waitForCms(settings.buildCmsUrl)
  return builderFor(payload, settings).build()
}

/**
 * The first build is requested while the server is still starting; the build reads the CMS over
 * HTTP, so it waits until the CMS answers rather than fail on a refused connection.
 */
async function waitForCms(cmsUrl: string, timeoutMs = 120_000): Promise<void> {
  const url = `${cmsUrl.replace(/\/$/, '')}/api/globals/site-settings?depth=0`
  const end = Date.now() + timeoutMs
  let last = ''
  while (Date.now() < end) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) })
      await response.arrayBuffer()
      if (response.status < 500) return
      last = `answered ${response.status}`
    } catch (error) {
      last = (error as Error).message
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new SiteBuildError(
    { code: 'cmsUnreadable', vars: { url, reason: last } },
    `The CMS did not answer at ${url} (${last}), so the site could not be built. ` +
      'Set SITE_BUILD_CMS_URL to where this CMS listens (default http://127.0.0.1:$PORT).',
  )
}
