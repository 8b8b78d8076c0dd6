import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import {
  defaultSiteLiveLink,
  defaultSiteReleasesDir,
  defaultSqliteFile,
  defaultUploadDir,
  siteRoot,
} from '@pressroom/cms/paths'
import { cmsEnvFile } from './paths.ts'

/** An environment to fill in: this process's, or one prepared for a child process. */
export type Env = Record<string, string | undefined>

/**
 * cms/.env holds the local secret; it is written once, on first start, and kept (git-ignored).
 * Variables already set in the environment win over the file. `env` is this process's
 * environment unless a caller prepares another process's (the crash test's CMS server).
 */
export function loadCmsEnv(env: Env = process.env, options: { create?: boolean } = {}): void {
  // Backup and restore read the file but never make one: a restore may bring the original back.
  if (!existsSync(cmsEnvFile) && options.create !== false) {
    writeFileSync(
      cmsEnvFile,
      `# Written by ./pressroom start on first run. Keep it secret; see README for the variables.\nPAYLOAD_SECRET=${randomBytes(32).toString('hex')}\n`,
      { mode: 0o600 },
    )
  }
  const text = existsSync(cmsEnvFile) ? readFileSync(cmsEnvFile, 'utf8') : ''
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line)
    if (match && env[match[1]!] === undefined) env[match[1]!] = match[2]!.replace(/^"(.*)"$/, '$1')
  }
  // Absolute paths: the built Next server cannot locate cms/data from its own bundle.
  env.DATABASE_URL ??= `file:${defaultSqliteFile}`
  env.UPLOAD_DIR ??= defaultUploadDir
}

/**
 * The site builder runs inside the built Next server, which cannot locate site/ from its bundle:
 * pass absolute paths, and where the build reads the CMS (this machine, not the public URL).
 */
export function loadSiteEnv(cmsPort: number, env: Env = process.env): void {
  env.SITE_PORT ||= '4321'
  env.SITE_URL ||= `http://localhost:${env.SITE_PORT}`
  env.SITE_DIR ||= siteRoot
  env.SITE_RELEASES_DIR ||= defaultSiteReleasesDir
  env.SITE_LIVE_DIR ||= defaultSiteLiveLink
  env.SITE_BUILD_CMS_URL ||= `http://127.0.0.1:${cmsPort}`
}
