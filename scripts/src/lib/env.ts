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

/**
 * cms/.env holds the local secret; it is written once, on first start, and kept (git-ignored).
 * Variables already set in the environment win over the file.
 */
export function loadCmsEnv(): void {
  if (!existsSync(cmsEnvFile)) {
    writeFileSync(
      cmsEnvFile,
      `# Written by ./pressroom start on first run. Keep it secret; see README for the variables.\nPAYLOAD_SECRET=${randomBytes(32).toString('hex')}\n`,
      { mode: 0o600 },
    )
  }
  for (const line of readFileSync(cmsEnvFile, 'utf8').split('\n')) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line)
    if (match && process.env[match[1]!] === undefined) process.env[match[1]!] = match[2]!.replace(/^"(.*)"$/, '$1')
  }
  // Absolute paths: the built Next server cannot locate cms/data from its own bundle.
  process.env.DATABASE_URL ??= `file:${defaultSqliteFile}`
  process.env.UPLOAD_DIR ??= defaultUploadDir
}

/**
 * The site builder runs inside the built Next server, which cannot locate site/ from its bundle:
 * pass absolute paths, and where the build reads the CMS (this machine, not the public URL).
 */
export function loadSiteEnv(cmsPort: number): void {
  process.env.SITE_PORT ||= '4321'
  process.env.SITE_URL ||= `http://localhost:${process.env.SITE_PORT}`
  process.env.SITE_DIR ||= siteRoot
  process.env.SITE_RELEASES_DIR ||= defaultSiteReleasesDir
  process.env.SITE_LIVE_DIR ||= defaultSiteLiveLink
  process.env.SITE_BUILD_CMS_URL ||= `http://127.0.0.1:${cmsPort}`
}
