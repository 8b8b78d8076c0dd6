import { adminT, type PayloadT } from '../i18n/admin/adminT.ts'
import { readFailure } from '../siteBuild/failure.ts'

/**
 * A failed build's sentence in the admin's language, from the code and values the builder
 * recorded (siteBuild/failure.ts); null for a record without one (built before codes existed),
 * whose raw `error` text is shown under "Build output" instead.
 */
export function siteBuildFailureText(t: PayloadT, failure: unknown): string | null {
  const known = readFailure(failure)
  return known ? adminT(t, 'siteBuildFailure')(known.code, known.vars) : null
}
