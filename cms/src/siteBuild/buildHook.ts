import type { SiteBuildResult } from './builder.ts'
import type { SiteBuildFailure } from './failure.ts'

/**
 * What the build hook receives: that the content changed, and nothing about what changed. The
 * build's reasons name documents (an embargoed release being published, say), and a host's
 * hook log is no place for them; staff read them under Site builds (docs/adr/0022).
 */
export type BuildHookNotice = {
  event: 'site.rebuild'
  /** The site-builds record this notice stands for. */
  build: string
  requestedAt: string
  sentAt: string
}

const answerTailBytes = 8 * 1024

/**
 * For a site hosted elsewhere: tells its build hook (SITE_BUILD_HOOK_URL) that the content
 * changed. Any 2xx answer counts as accepted; anything else, or no answer in time, is a failure.
 */
export async function callBuildHook(
  url: string,
  notice: Omit<BuildHookNotice, 'event' | 'sentAt'>,
  timeoutMs = 30_000,
): Promise<SiteBuildResult> {
  const started = new Date()
  // Field by field, so that nothing else a caller hands over is ever sent.
  const body: BuildHookNotice = {
    event: 'site.rebuild',
    build: notice.build,
    requestedAt: notice.requestedAt,
    sentAt: started.toISOString(),
  }
  let error: string | null = null
  let failure: SiteBuildFailure | null = null
  let logTail = ''
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'pressroom-cms' },
      body: JSON.stringify(body),
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    })
    const answer = await response.text().catch(() => '')
    logTail = `POST ${redact(url)} → ${response.status} ${response.statusText}\n${answer.slice(-answerTailBytes)}`
    if (!response.ok) {
      error = `The build hook answered ${response.status} ${response.statusText}. Check SITE_BUILD_HOOK_URL and the host's build log.`
      failure = { code: 'hookAnswered', vars: { status: response.status, statusText: response.statusText } }
    }
  } catch (caught) {
    const timedOut = (caught as Error).name === 'TimeoutError'
    const reason = timedOut ? `no answer within ${timeoutMs / 1000} s` : causeOf(caught)
    error = `The build hook could not be reached (${reason}). Check SITE_BUILD_HOOK_URL.`
    failure = timedOut
      ? { code: 'hookTimedOut', vars: { seconds: timeoutMs / 1000 } }
      : { code: 'hookUnreachable', vars: { reason } }
    logTail = `POST ${redact(url)} failed: ${reason}`
  }
  const finished = new Date()
  return {
    status: error ? 'failed' : 'succeeded',
    release: null,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
    pages: null,
    logTail,
    error,
    failure,
  }
}

/** Build hook URLs often carry their secret in the path or query: never write those to records. */
function redact(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}/…`
  } catch {
    return '(invalid URL)'
  }
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  return cause?.code ?? cause?.message ?? (error as Error).message
}
