import lighthouse from 'lighthouse'
import desktopConfig from 'lighthouse/core/config/desktop-config.js'

/** The four categories the site must score 100 in (issue 16, part 10). */
export const lighthouseCategories = ['performance', 'accessibility', 'best-practices', 'seo'] as const

export type LighthouseResult = {
  url: string
  /** Each category's score as Lighthouse shows it (0–100). */
  scores: Record<(typeof lighthouseCategories)[number], number>
  /** Every scored audit of these categories that did not pass, with what it found. */
  failing: string[]
}

/**
 * Lighthouse's desktop preset with simulated throttling (docs/adr/0050): the page loads once at
 * full speed and Lighthouse computes its timings for a fixed network and CPU from that load's
 * trace, so a busy CI machine does not make the score flap; only the four categories' audits run.
 */
const config = {
  ...desktopConfig,
  settings: {
    ...desktopConfig.settings,
    throttlingMethod: 'simulate' as const,
    onlyCategories: [...lighthouseCategories],
    // Weightless in every score: the screenshots, and the back/forward cache check (it navigates
    // away and back, a second load).
    skipAudits: ['screenshot-thumbnails', 'final-screenshot', 'bf-cache'],
    disableFullPageScreenshot: true,
  },
}

/** Runs Lighthouse on `url` in the Chromium listening on `port` (launchDevtoolsChromium). */
export async function runLighthouse(url: string, port: number, attempt = 1): Promise<LighthouseResult> {
  const result = await lighthouse(url, { port, hostname: '127.0.0.1', logLevel: 'error', output: 'json' }, config)
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}.`)
  const { lhr } = result
  // A lost trace (NO_NAVSTART on a loaded machine) is Lighthouse's own failure, not the page's: it
  // says to run again, once. Scores are never retried.
  if (lhr.runtimeError?.code === 'NO_NAVSTART' && attempt === 1) return runLighthouse(url, port, 2)
  if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`)
  const scores = {} as LighthouseResult['scores']
  const failing: string[] = []
  for (const id of lighthouseCategories) {
    const category = lhr.categories[id]
    scores[id] = Math.round((category?.score ?? 0) * 100)
    for (const ref of category?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id]
      if (ref.weight === 0 || !audit || audit.score === null || audit.score >= 1) continue
      failing.push(`${id}: ${ref.id} ${audit.score}${audit.displayValue ? ` (${audit.displayValue})` : ''}`)
    }
  }
  return { url, scores, failing }
}
