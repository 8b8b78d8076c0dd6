import { isSecretName } from '../secrets/secretValues.ts'
import { SiteBuildError } from './failure.ts'

/**
 * The environment the site build (or SITE_BUILD_COMMAND) gets: an allow-list, never the CMS's
 * own environment (docs/adr/0033). The build reads the CMS's public API as an anonymous client and
 * needs no secret; a plugin or a compromised package in the build must find none to print or send.
 */
const systemNames = ['PATH', 'HOME', 'USER', 'LOGNAME', 'SHELL', 'LANG', 'LANGUAGE', 'TZ', 'TMPDIR', 'TERM']
const toolNames = ['NODE_ENV', 'NODE_OPTIONS', 'CI', 'NO_COLOR', 'FORCE_COLOR', 'ASTRO_TELEMETRY_DISABLED']
/** What site/src/config.ts reads besides what the CMS passes on purpose (CMS_URL, SITE_URL, …). */
const siteNames = ['SITE_CACHE_DIR', 'SITE_ASTRO_CACHE_DIR', 'SITE_EDITIONS']

/** SITE_BUILD_ENV: more names a custom build command needs, comma-separated; secrets are refused. */
export function extraBuildEnvNames(value = process.env.SITE_BUILD_ENV ?? ''): string[] {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  const secret = names.filter(isSecretName)
  if (secret.length) {
    throw new SiteBuildError(
      { code: 'secretInBuildEnv', vars: { names: secret.join(', ') } },
      `SITE_BUILD_ENV names ${secret.join(', ')}: the site build never gets secrets. Remove them; the build reads the CMS's public API and needs none.`,
    )
  }
  return names
}

/** The allowed variables of `env` (LC_* locale settings included). */
export function siteBuildEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const allowed = new Set([...systemNames, ...toolNames, ...siteNames, ...extraBuildEnvNames(env.SITE_BUILD_ENV)])
  const picked: Record<string, string> = {}
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && (allowed.has(name) || name.startsWith('LC_'))) picked[name] = value
  }
  return picked
}
