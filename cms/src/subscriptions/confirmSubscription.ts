import { isLocale } from '@pressroom/shared'
import type { Payload } from 'payload'
import { now } from '../db/sql.ts'
import { mailSettings } from '../mail/index.ts'
import type { Subscriber } from '../payload-types.ts'
import { consentText, subscriptionPolicyVersion } from './consent.ts'
import { isDigestFrequency } from './digests/frequency.ts'
import { topicIdsBySlug } from './knownTopics.ts'
import { languageChoicesOf } from './languageChoices.ts'
import { isKindValue, type Preferences, requestedPreferences } from './preferences.ts'

/** Applies the preferences waiting for confirmation and records consent. Repeating it changes nothing. */
export async function confirmSubscription(payload: Payload, subscriber: Subscriber): Promise<'confirmed' | 'nothing'> {
  const requested = requestedPreferences(subscriber)
  if (!requested) return 'nothing'
  const known = await topicIdsBySlug(payload)
  const prefs: Preferences = {
    languages: (requested.languages ?? []).filter(isLocale),
    kinds: (requested.kinds ?? []).filter(isKindValue),
    topics: (requested.topics ?? []).filter((slug) => known.has(slug)),
  }
  if (prefs.languages.length === 0) return 'nothing'
  const locale = isLocale(requested.locale) ? requested.locale : subscriber.locale
  const settings = await mailSettings(payload)
  const at = now()
  await payload.update({
    collection: 'subscribers',
    id: subscriber.id,
    data: {
      status: 'active',
      endReason: null,
      endedAt: null,
      languages: prefs.languages,
      kinds: prefs.kinds,
      topics: prefs.topics.map((slug) => known.get(slug)!),
      frequency: isDigestFrequency(requested.frequency) ? requested.frequency : 'immediate',
      locale,
      ...languageChoicesOf(requested as Partial<Subscriber>),
      confirmedAt: at,
      consent: {
        at,
        text: consentText(locale, settings.organizationName[locale], prefs),
        policyVersion: subscriptionPolicyVersion(),
      },
      requested: null,
    },
  })
  return 'confirmed'
}
