import type { Locale } from '@pressroom/shared'
import type { FrameSite } from '../../http/publicPage.ts'
import { t } from './index.ts'

/** The reader pages' way back to the site (src/http/publicPage.ts), in the page's language. */
export function frameSite(
  locale: Locale,
  settings: { siteUrl: string; organizationName: Record<Locale, string> },
): FrameSite {
  return {
    url: settings.siteUrl,
    name: settings.organizationName[locale],
    tagline: t(locale, 'frame.tagline'),
    home: t(locale, 'frame.home'),
    privacy: t(locale, 'frame.privacy'),
  }
}
