import { confirmTokenLifetimeMs, signToken, type TokenPurpose } from './tokens.ts'

/** The signed links a subscriber's e-mails carry: confirm (expires), manage preferences, unsubscribe. */
export function subscriberLinks(cmsUrl: string, subscriber: { id: number; tokenVersion: number }) {
  const token = (purpose: TokenPurpose, expires?: number) =>
    signToken({ purpose, subscriber: subscriber.id, version: subscriber.tokenVersion, expires })
  return {
    confirmUrl: `${cmsUrl}/subscriptions/confirm?token=${token('confirm', Date.now() + confirmTokenLifetimeMs)}`,
    preferencesUrl: `${cmsUrl}/subscriptions/preferences?token=${token('manage')}`,
    unsubscribeUrl: `${cmsUrl}/subscriptions/unsubscribe?token=${token('unsubscribe')}`,
  }
}
