import type { Payload } from 'payload'
import { now } from '../db/sql.ts'
import { mailSettings } from '../mail/index.ts'
import type { Subscriber } from '../payload-types.ts'
import { consentText, subscriptionPolicyVersion } from './consent.ts'
import { topicIdsBySlug } from './knownTopics.ts'
import type { LanguageChoices } from './languageChoices.ts'
import type { Preferences } from './preferences.ts'

/** Stores the preferences chosen on the preferences page; an active subscriber's consent is recorded anew. */
export async function updatePreferences(
  payload: Payload,
  subscriber: Subscriber,
  prefs: Preferences,
  languageChoices?: LanguageChoices,
): Promise<void> {
  const known = await topicIdsBySlug(payload)
  const settings = await mailSettings(payload)
  await payload.update({
    collection: 'subscribers',
    id: subscriber.id,
    data: {
      languages: prefs.languages,
      kinds: prefs.kinds,
      topics: prefs.topics.map((slug) => known.get(slug)!),
      ...(prefs.frequency ? { frequency: prefs.frequency } : {}),
      ...languageChoices,
      ...(subscriber.status === 'active'
        ? {
            consent: {
              at: now(),
              text: consentText(subscriber.locale, settings.organizationName[subscriber.locale], prefs),
              policyVersion: subscriptionPolicyVersion(),
            },
          }
        : {}),
    },
  })
}
