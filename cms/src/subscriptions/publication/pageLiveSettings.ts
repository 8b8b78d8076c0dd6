/**
 * How the CMS knows that a publication's page is live before its e-mail goes (docs/adr/0044),
 * read from the environment each time (tests change it between runs):
 * - `build`: a site build run here that started after the change succeeded (the release holding
 *   the page, its PDF edition and its press kit replaced the live one in one rename);
 * - `page`: the page answers 200 on SITE_URL (a site hosted elsewhere, whose build hook only says
 *   that a build began);
 * - `nothing`: e-mails do not wait (no public site behind this CMS: CMS-only tests, benchmarks).
 * PUBLICATION_MAIL_WAITS_FOR chooses; by default `build` when the CMS builds the site, `page`
 * with SITE_BUILD_HOOK_URL, `nothing` with SITE_BUILD=off.
 */
export type PageLiveCheck = 'build' | 'page' | 'nothing'

const checks: PageLiveCheck[] = ['build', 'page', 'nothing']

export function pageLiveCheck(): PageLiveCheck {
  const raw = process.env.PUBLICATION_MAIL_WAITS_FOR
  if (raw) {
    if (!checks.includes(raw as PageLiveCheck)) {
      throw new Error(`PUBLICATION_MAIL_WAITS_FOR=${raw} is not one of ${checks.join(', ')}. Set one, or unset it.`)
    }
    return raw as PageLiveCheck
  }
  if (process.env.SITE_BUILD === 'off') return 'nothing'
  return process.env.SITE_BUILD_HOOK_URL ? 'page' : 'build'
}

/** What a publication's send waits for in the delivery core (`sends.waitingFor`). */
export const pageLiveReason = 'site'
