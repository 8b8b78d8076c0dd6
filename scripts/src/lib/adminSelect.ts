import type { Page } from 'playwright-core'

/**
 * Picks the first option showing `text` in one of Payload's relationship fields (a react-select
 * menu) and returns the option's label. On a machine loaded well beyond its cores a click on the
 * field while the form still hydrated once opened nothing for 30 s (CI, 2026-12-08): a person
 * would click again, and so does this (at most three times, never closing a menu already open).
 */
export async function pickOption(page: Page, field: string, text: string): Promise<string> {
  const option = page.locator('.rs__option', { hasText: text }).first()
  for (let attempt = 1; ; attempt++) {
    if (!(await page.locator('.rs__menu').isVisible())) await page.locator(field).click()
    const shown = await option
      .waitFor({ timeout: 15_000 })
      .then(() => true)
      .catch((error: Error) => {
        if (attempt === 3) throw error
        return false
      })
    if (shown) break
  }
  const label = ((await option.textContent()) ?? '').trim()
  await option.click()
  return label
}
