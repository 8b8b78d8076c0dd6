import { type DocumentKind, documentKinds, type Locale } from '@pressroom/shared'
import { parseJson } from '../db/sql.ts'
import type { Subscriber } from '../payload-types.ts'
import type { DigestFrequency } from './digests/frequency.ts'

/**
 * What a subscriber chooses: languages (at least one), kinds and topics (none = all). Shared by
 * the verbs that read, store and show them.
 */
export type Preferences = {
  languages: Locale[]
  kinds: DocumentKind[]
  topics: string[]
  /** Unset: unchanged (a new subscription: immediate); docs/adr/0046. */
  frequency?: DigestFrequency
}
export type SubscribeRequest = Preferences & { email: string; locale: Locale }

const kindValues: readonly string[] = documentKinds.map((k) => k.kind)

export const isKindValue = (value: string): value is DocumentKind => kindValues.includes(value)

type Requested = Partial<Preferences> & { locale?: string }

/** The preferences asked for and not yet confirmed, if any. */
export function requestedPreferences(subscriber: Subscriber): Requested | null {
  return subscriber.requested ? parseJson<Requested>(subscriber.requested) : null
}
