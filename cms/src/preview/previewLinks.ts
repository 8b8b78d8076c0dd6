import { localeCodes } from '@pressroom/shared'
import { siteBuildSettings } from '../siteBuild/settings.ts'
import type { PreviewSubject } from './subject.ts'
import { previewPath, siblingPreviewToken } from './token.ts'

/** Where a preview's links lead (site/src/preview/links.ts, the other side of this contract). */
export type PreviewLinkSettings = {
  siteUrl: string
  siteBase: string
  files: string
  previews: Record<string, string>
}

/**
 * Pages to the public site, at the origin and sub-path the static build gets (SITE_URL,
 * SITE_BASE); the draft's files under its own link; its languages to their previews, signed now
 * with the same expiry, so a language switch never outlives the link it came from.
 */
export function previewLinkSettings(secret: string, token: string, subject: PreviewSubject): PreviewLinkSettings {
  const { siteUrl, siteBase } = siteBuildSettings()
  const previews = Object.fromEntries(
    localeCodes.map((locale) => [locale, previewPath(siblingPreviewToken(secret, token, { ...subject, locale }))]),
  )
  return { siteUrl: siteUrl.replace(/\/+$/, ''), siteBase, files: previewPath(token), previews }
}
