import type { BrowserContext } from 'playwright-core'

/**
 * Collects, for every page of a browser context, each Content-Security-Policy violation (the
 * `securitypolicyviolation` event, listened for before any page script runs) and each console
 * error or uncaught exception, so a test can expect none (docs/adr/0032).
 * `ignore` leaves out console errors a test expects (e.g. the 404 of a not-found page).
 */
export async function watchForCspViolations(
  context: BrowserContext,
  ignore: (text: string, url: string) => boolean = () => false,
): Promise<string[]> {
  const problems: string[] = []
  await context.exposeBinding('reportCspViolation', ({ page }, violation: string) => {
    problems.push(`${page.url()}: CSP ${violation}`)
  })
  // An init script is the browser's, not the page's: the page's CSP does not apply to it.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation
      report(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} ${e.sample}`)
    })
  })
  context.on('console', (message) => {
    const url = message.location().url
    if (message.type() === 'error' && !ignore(message.text(), url)) problems.push(`${url}: console ${message.text()}`)
  })
  context.on('weberror', (error) => problems.push(`${error.page()?.url()}: ${error.error().message}`))
  return problems
}
