import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from './browser.ts'
import { type RunningMainCommand, startMainCommand } from './mainCommand.ts'
import { freePort } from './processes.ts'

export type E2ePressRoom = {
  /** The temporary folder holding the database, uploads and site releases of this run. */
  dir: string
  cms: RunningMainCommand
  cmsUrl: string
  siteUrl: string
  /** Where the served site's live release is linked. */
  liveDir: string
  /** The seeded admin's (admin@pressroom.localhost) password. */
  adminPassword: string
  browser: Browser
  /** Logs the seeded admin in on the admin's login page, in `page`. */
  logIn: (page: Page) => Promise<void>
  /** Closes Chromium, stops the main command and removes the folder. */
  stop: () => Promise<void>
}

type Places = { dir: string; cmsUrl: string; siteUrl: string }

/**
 * The README's main command (`pnpm start`) for an end-to-end test: on free ports, with its
 * database, uploads and site releases in a fresh temporary folder, and a Chromium to drive it.
 * `env` adds to (or overrides) what the main command gets. With `localApi`, the same settings
 * (all but the ports and the admin password) are also set in this process, for tests that open
 * the same CMS through Payload's Local API.
 */
export async function startE2ePressRoom(options: {
  name: string
  env?: (places: Places) => Record<string, string>
  localApi?: boolean
}): Promise<E2ePressRoom> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `pressroom-e2e-${options.name}-`))
  const [port, sitePort] = [await freePort(), await freePort()]
  const places = { dir, cmsUrl: `http://localhost:${port}`, siteUrl: `http://localhost:${sitePort}` }
  const liveDir = path.join(dir, 'site', 'live')
  const adminPassword = 'e2e-admin-password-42'
  const settings = {
    CMS_URL: places.cmsUrl,
    SITE_URL: places.siteUrl,
    DATABASE_URL: `file:${path.join(dir, 'cms.db')}`,
    UPLOAD_DIR: path.join(dir, 'uploads'),
    PAYLOAD_SECRET: 'e2e-secret-that-is-long-enough-0123456789',
    JOBS_AUTORUN_CRON: '* * * * * *',
    // A publish through the Local API runs a due site build in the test's own process (docs/adr/0044),
    // which has no PORT: it must find the CMS here, not at the default port.
    SITE_BUILD_CMS_URL: places.cmsUrl,
    // This run's site builds, away from a developer's own site/live.
    SITE_RELEASES_DIR: path.join(dir, 'site', 'releases'),
    SITE_LIVE_DIR: liveDir,
    // Its own caches: the crash test builds its sites in the other lane at the same time, and two
    // builds sharing Astro's content store (site/node_modules/.astro) read each other's entries.
    SITE_CACHE_DIR: path.join(dir, 'site', 'cache'),
    SITE_ASTRO_CACHE_DIR: path.join(dir, 'site', 'astro-cache'),
    ...options.env?.(places),
  }
  if (options.localApi) Object.assign(process.env, settings)
  let cms: RunningMainCommand | undefined
  let browser: Browser | undefined
  const stop = async () => {
    await browser?.close()
    await cms?.stop()
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    cms = await startMainCommand({
      ...settings,
      PORT: String(port),
      SITE_PORT: String(sitePort),
      ADMIN_PASSWORD: adminPassword,
    })
    browser = await launchChromium()
  } catch (error) {
    await stop()
    throw error
  }
  const logIn = async (page: Page) => {
    await page.goto(`${places.cmsUrl}/admin/login`)
    await page.fill('input[name="email"]', 'admin@pressroom.localhost')
    await page.fill('input[name="password"]', adminPassword)
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/admin\/?$/)
  }
  return { ...places, cms, liveDir, adminPassword, browser, logIn, stop }
}
