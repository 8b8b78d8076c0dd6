import type { ChildProcess } from 'node:child_process'
import { readSiteBuildStatus, type SiteBuildResult } from '@pressroom/cms/site-builder'

type WaitOptions = {
  /** `SITE_RELEASES_DIR` of the running CMS: the builder writes `status.json` there. */
  releasesDir: string
  /** Only a build that started at or after this moment counts (it has seen changes made before). */
  since: Date
  /** Wait for a successful build; otherwise the first finished build, whatever its outcome. */
  succeeded?: boolean
  timeoutMs: number
  /** Stop waiting when this process (the CMS) exits. */
  process?: ChildProcess
}

/**
 * Waits for the next site build that started after `since`, by reading the status file the
 * site builder writes after every local build (`<SITE_RELEASES_DIR>/status.json`:
 * `{ last, lastSucceeded }`). For an end-to-end test: note the time, publish, then wait with
 * `succeeded: true`; the build it returns has read the published document.
 */
export async function waitForSiteBuild(options: WaitOptions): Promise<SiteBuildResult> {
  const since = options.since.getTime()
  const end = Date.now() + options.timeoutMs
  let lastSeen: SiteBuildResult | null = null
  while (Date.now() < end) {
    if (options.process && options.process.exitCode !== null) {
      throw new Error(`The CMS exited (code ${options.process.exitCode}) while waiting for a site build.`)
    }
    const status = await readSiteBuildStatus(options.releasesDir)
    const candidate = options.succeeded ? status.lastSucceeded : status.last
    if (candidate && Date.parse(candidate.startedAt) >= since) return candidate
    if (status.last && Date.parse(status.last.startedAt) >= since) lastSeen = status.last
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  const failure = lastSeen?.status === 'failed' ? ` The last build failed: ${lastSeen.error}\n${lastSeen.logTail}` : ''
  throw new Error(
    `No ${options.succeeded ? 'successful ' : ''}site build within ${options.timeoutMs / 1000} s.${failure}`,
  )
}
