/**
 * The per-recipient links of a previewed or test e-mail. They point at a reserved `.invalid`
 * host (RFC 2606), which no resolver ever answers: clicking one does nothing, and no real
 * subscriber's token or institution's acknowledgement link ever leaves the CMS in a test.
 */
const sample = (name: string) => `https://sample-link.invalid/${name}`

export const sampleSubscriberLinks = {
  unsubscribeUrl: sample('unsubscribe'),
  preferencesUrl: sample('preferences'),
}

export const sampleAcknowledgementLink = sample('acknowledge')
