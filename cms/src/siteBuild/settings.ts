import { defaultSiteLiveLink, defaultSiteReleasesDir, siteRoot } from '../paths.ts'

/**
 * How the public site is rebuilt, read from the environment each time it is needed (tests and
 * the start script change it between runs). See README, "Configuration".
 */
export type SiteBuildSettings = {
  /** SITE_BUILD=off: nothing queues a build (CMS-only tests, benchmarks of the CMS alone). */
  enabled: boolean
  /** SITE_BUILD_HOOK_URL: POST a notice there instead of building here (site hosted elsewhere). */
  hookUrl: string | null
  /** The Astro project the build runs in. */
  siteDir: string
  releasesDir: string
  /** The symlink that always points at the release being served. */
  liveLink: string
  /** SITE_BUILD_COMMAND: a shell command run instead of the Astro build (stand-ins in tests). */
  command: string | null
  /** Where the build reads the CMS (the local server, not its public URL). */
  buildCmsUrl: string
  /** Passed to the build: the public origin, sub-path and the CMS URL that browsers use. */
  siteUrl: string
  siteBase: string
  publicCmsUrl: string
  timeoutMs: number
  /** SITE_RELEASES_KEEP: the newest releases kept on disk (the live one always stays too). */
  releasesKeep: number
}

const seconds = (name: string, fallback: number): number => {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback * 1000
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`${name}=${raw} is not a number of seconds. Set it to e.g. ${fallback}, or unset it.`)
  }
  return value * 1000
}

function releasesToKeep(): number {
  const raw = process.env.SITE_RELEASES_KEEP
  const value = raw ? Number(raw) : 3
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(
      `SITE_RELEASES_KEEP=${raw} is not a whole number of releases (at least 1). Set it to e.g. 3, or unset it.`,
    )
  }
  return value
}

export function siteBuildSettings(): SiteBuildSettings {
  const env = process.env
  const cmsPort = env.PORT || '3000'
  const sitePort = env.SITE_PORT || '4321'
  return {
    enabled: env.SITE_BUILD !== 'off',
    hookUrl: env.SITE_BUILD_HOOK_URL || null,
    siteDir: env.SITE_DIR || siteRoot,
    releasesDir: env.SITE_RELEASES_DIR || defaultSiteReleasesDir,
    liveLink: env.SITE_LIVE_DIR || defaultSiteLiveLink,
    command: env.SITE_BUILD_COMMAND || null,
    buildCmsUrl: env.SITE_BUILD_CMS_URL || `http://127.0.0.1:${cmsPort}`,
    siteUrl: env.SITE_URL || `http://localhost:${sitePort}`,
    siteBase: env.SITE_BASE || '/',
    publicCmsUrl: env.PUBLIC_CMS_URL || env.CMS_URL || `http://localhost:${cmsPort}`,
    timeoutMs: seconds('SITE_BUILD_TIMEOUT_SECONDS', 600),
    releasesKeep: releasesToKeep(),
  }
}
