/**
 * Why a site build failed, as a code and the values its sentence needs, so the admin words it in
 * the staff member's language (`siteBuildFailure` in i18n/admin/en.ts, ru.ts; docs/adr/0041).
 * What the build itself printed stays in the log tail, as it was written.
 */
export const siteBuildFailureCodes = [
  'exitCode',
  'killed',
  'timedOut',
  'noHtml',
  'couldNotStart',
  'astroMissing',
  'switchLive',
  'hookAnswered',
  'hookUnreachable',
  'hookTimedOut',
  'cmsUnreadable',
  'secretInBuildEnv',
  'unexpected',
] as const

export type SiteBuildFailureCode = (typeof siteBuildFailureCodes)[number]

/** Stored in the site-builds record's `failure` field. */
export type SiteBuildFailure = { code: SiteBuildFailureCode; vars: Record<string, string | number> }

/** A failure the builder itself words; `message` is the English line for the log and status.json. */
export class SiteBuildError extends Error {
  constructor(
    readonly failure: SiteBuildFailure,
    message: string,
  ) {
    super(message)
    this.name = 'SiteBuildError'
  }
}

/** The stored value, if it is one this CMS knows how to word (old rows have none). */
export function readFailure(value: unknown): SiteBuildFailure | null {
  const failure = value as Partial<SiteBuildFailure> | null | undefined
  if (!failure || typeof failure !== 'object') return null
  if (!siteBuildFailureCodes.includes(failure.code as SiteBuildFailureCode)) return null
  return {
    code: failure.code as SiteBuildFailureCode,
    vars: failure.vars && typeof failure.vars === 'object' ? failure.vars : {},
  }
}
