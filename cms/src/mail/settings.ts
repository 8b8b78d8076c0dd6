import { type Locale, type TimeZone, zoneOrDefault } from '@pressroom/shared'
import type { Payload } from 'payload'
import { cmsPublicUrl } from '../http/cmsOrigin.ts'

/** What every e-mail the CMS sends to readers needs: who sends it, and where its links point. */
export type MailSettings = {
  organizationName: Record<Locale, string>
  /** The public site, for links to publications (site settings, or SITE_URL). */
  siteUrl: string
  /** Where the CMS answers the subscription and acknowledgement pages (CMS_URL, or site settings, or localhost). */
  cmsUrl: string
  from: string
  /** The organization's zone (site settings), for times in documents that name none (docs/adr/0040). */
  timeZone: TimeZone
}

const strip = (url: string) => url.replace(/\/+$/, '')

export async function mailSettings(payload: Payload): Promise<MailSettings> {
  const settings = (await payload.findGlobal({ slug: 'site-settings', locale: 'all', depth: 0 })) as {
    organizationName?: Partial<Record<Locale, string>> | string
    siteUrl?: string | null
    cmsUrl?: string | null
    defaultTimezone?: string | null
  }
  const names = typeof settings.organizationName === 'object' ? settings.organizationName : {}
  const fallback = names?.en || 'Press room'
  return {
    organizationName: { en: names?.en || fallback, ru: names?.ru || fallback },
    siteUrl: strip(process.env.SITE_URL || settings.siteUrl || 'http://localhost:4321'),
    cmsUrl: strip(cmsPublicUrl(payload, settings.cmsUrl)),
    from: process.env.MAIL_FROM || 'Press room <press@pressroom.localhost>',
    timeZone: zoneOrDefault(settings.defaultTimezone),
  }
}

let cached: { at: number; settings: Promise<MailSettings> } | undefined

/** The same, kept for half a minute: the public endpoints read it on every request. */
export function cachedMailSettings(payload: Payload): Promise<MailSettings> {
  if (!cached || Date.now() - cached.at > 30_000) {
    cached = { at: Date.now(), settings: mailSettings(payload) }
    cached.settings.catch(() => {
      cached = undefined
    })
  }
  return cached.settings
}
