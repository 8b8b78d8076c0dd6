import path from 'node:path'

/** A stand-in for the Astro build (stand-in-site-build.mjs): quick, and told by its STAND_IN_* knobs what to do. */
export const standIn = path.join(import.meta.dirname, 'stand-in-site-build.mjs')
export const standInCommand = `"${process.execPath}" "${standIn}"`
/** The build's environment is allow-listed (docs/adr/0033): the stand-in's knobs pass by name. */
export const standInKnobs = 'STAND_IN_FAIL,STAND_IN_DELAY_MS,STAND_IN_LOCK,STAND_IN_RECORD,STAND_IN_HOLD'

/** What makes a test's CMS build the site with the stand-in into `dir`, when asked (no cron). */
export const standInSiteBuildEnv = (dir: string): Record<string, string> => ({
  SITE_BUILD: 'on',
  SITE_BUILD_CRON: 'off',
  SITE_DIR: dir,
  SITE_RELEASES_DIR: path.join(dir, 'releases'),
  SITE_LIVE_DIR: path.join(dir, 'live'),
  SITE_BUILD_COMMAND: standInCommand,
  SITE_BUILD_ENV: standInKnobs,
})
