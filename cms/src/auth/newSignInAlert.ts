import type { CollectionAfterLoginHook } from 'payload'
import { clientAddress, clientKey } from '../http/clientAddress.ts'
import { limitKey, sharedLimiter } from '../throttle/store.ts'
import { newSignInEmail } from './staffEmails.ts'

const year = 365 * 24 * 60 * 60

/**
 * After a sign-in: when the account has signed in before, but never from this network, its owner
 * gets an e-mail (docs/adr/0033). The first sign-in of an account alerts nobody, and neither do
 * sign-ins whose address the CMS cannot know (Local API). What is remembered lives in the shared
 * store as keyed hashes, like the sign-in throttle's counts. Sending does not hold up the sign-in,
 * and a failure to send is logged, never shown as a failed sign-in.
 */
export const alertNewSignIn: CollectionAfterLoginHook = async ({ req, user }) => {
  const address = clientAddress(req.headers)
  const email = typeof user?.email === 'string' ? user.email.toLowerCase() : undefined
  if (!address || !email) return user
  const accounts = sharedLimiter(req.payload, { keyPrefix: 'sign-in-alert-account', points: 1, duration: 0 })
  const addresses = sharedLimiter(req.payload, { keyPrefix: 'sign-in-alert-address', points: 1, duration: year })
  const accountKey = limitKey(email)
  const addressKey = limitKey(email, clientKey(req.headers))
  const [signedInBefore, fromHereBefore] = await Promise.all([accounts.get(accountKey), addresses.get(addressKey)])
  if (!signedInBefore) await accounts.set(accountKey, 1, 0)
  if (!fromHereBefore) await addresses.set(addressKey, 1, year)
  if (signedInBefore && !fromHereBefore) {
    void req.payload
      .sendEmail(newSignInEmail(req, email, address))
      .catch((error: Error) =>
        req.payload.logger.error(`The new sign-in alert to ${email} could not be sent: ${error.message}`),
      )
  }
  return user
}
