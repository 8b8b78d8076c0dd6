import { APIError, type CollectionAfterLoginHook, type CollectionBeforeOperationHook } from 'payload'
import { clientKey } from '../http/clientAddress.ts'
import { throttleMessage } from './signInMessages.ts'
import { type CountedSignIn, finishSignIn, startSignIn } from './signInThrottle.ts'

const contextKey = 'signInThrottle'

/** Its own name, so that the config logs each refusal as one info line, not an error with a stack. */
export class SignInThrottled extends APIError {
  constructor(message: string) {
    super(message, 429, undefined, true)
    this.name = 'SignInThrottled'
  }
}

/**
 * Every way into Payload's login operation passes here: the REST endpoint the admin's login form
 * posts to, GraphQL's loginUser and the Local API (docs/adr/0027). A refused attempt gets 429,
 * a Retry-After header and a message in the admin language; its password is never checked.
 */
export const throttleSignIn: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login') return args
  const sent = (args as { data?: { email?: unknown } }).data?.email
  const email = typeof sent === 'string' && sent.trim() ? sent.toLowerCase().trim() : undefined
  const started = await startSignIn(req.payload, { email, client: clientKey(req.headers) })
  if (!started.ok) {
    const headers = new Headers(req.responseHeaders)
    headers.set('Retry-After', String(Math.ceil(started.waitMs / 1000)))
    req.responseHeaders = headers
    throw new SignInThrottled(throttleMessage(req, started.rule, started.waitMs))
  }
  req.context[contextKey] = started.counted
  return args
}

/**
 * The attempt was right: its count is taken back and its address becomes known to the account.
 * Not awaited: the limiter writes through its own connection, which on SQLite waits for the
 * sign-in's transaction (this hook runs inside it) to commit (docs/adr/0029).
 */
export const forgetFailedSignIns: CollectionAfterLoginHook = async ({ req, user }) => {
  const counted = req.context[contextKey] as CountedSignIn | undefined
  if (counted) {
    void finishSignIn(req.payload, counted).catch((error: unknown) =>
      req.payload.logger.warn({ err: error }, 'A successful sign-in could not take back its throttle count'),
    )
  }
  return user
}
