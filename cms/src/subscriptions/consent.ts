import { type Locale, privacyNoticeVersion } from '@pressroom/shared'
import { type MessageKey, t } from '../i18n/reader/index.ts'
import type { Preferences } from './preferences.ts'

/**
 * The version of the privacy notice a subscriber agrees to: the notice's own, which lives with it
 * (shared/src/privacyNotice.ts, the notice's frontmatter on the site), so a consent names the text
 * the site showed.
 */
export const subscriptionPolicyVersion = () => privacyNoticeVersion

/** What a subscriber agreed to, in their language, as recorded with their consent. */
export function consentText(locale: Locale, org: string, prefs: Preferences): string {
  const all = t(locale, 'summary.all')
  return t(locale, 'consent.text', {
    org,
    languages: prefs.languages.map((l) => t(locale, `language.${l}` as MessageKey)).join(', '),
    kinds: prefs.kinds.length ? prefs.kinds.map((k) => t(locale, `kind.${k}` as MessageKey)).join(', ') : all,
    topics: prefs.topics.length ? prefs.topics.join(', ') : all,
  })
}
