import {
  APIError,
  type CollectionAfterOperationHook,
  type CollectionBeforeLoginHook,
  type CollectionBeforeOperationHook,
} from 'payload'
import { twoFactorMessage } from './messages.ts'
import { checkSecondFactor } from './secondFactor.ts'
import { readTwoFactor } from './store.ts'

const codeKey = 'secondFactorCode'
const operationKey = 'signInOperation'

/** Its own name, so that the config logs each refusal as one info line (like SignInThrottled). */
export class SecondFactorRefused extends APIError {
  constructor(message: string, reason: 'required' | 'wrong') {
    super(message, 401, { secondFactor: reason }, true)
    this.name = 'SecondFactorRefused'
  }
}

/** The header GraphQL's loginUser (which takes only e-mail and password) sends the code in. */
export const codeHeader = 'x-totp-code'

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined)

/**
 * Finds the code a sign-in sent: `totpCode` beside e-mail and password (REST body, Local API
 * data) or the X-TOTP-Code header (GraphQL). Kept for requireSecondFactor, which runs after
 * the password was checked.
 */
export const rememberSecondFactorCode: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'login' && operation !== 'resetPassword') return args
  req.context[operationKey] = operation
  const code =
    text((args as { data?: { totpCode?: unknown } }).data?.totpCode) ??
    text((req.data as { totpCode?: unknown } | undefined)?.totpCode) ??
    text(req.headers.get(codeHeader))
  if (code) req.context[codeKey] = code
  return args
}

/**
 * Right password, and then the second factor: without a right code the login operation fails
 * before any token is signed, its new session is revoked, and the throttle (docs/adr/0027)
 * counts the attempt as a failure, wrong codes as much as wrong passwords.
 */
export const requireSecondFactor: CollectionBeforeLoginHook = async ({ req, user }) => {
  // A password reset proves the mailbox, not the device: endSessionAfterReset handles it.
  if (req.context[operationKey] === 'resetPassword') return user
  if ((user as { totpEnabled?: unknown }).totpEnabled !== true) return user
  const code = req.context[codeKey]
  if (typeof code !== 'string') throw new SecondFactorRefused(twoFactorMessage(req, 'codeNeeded'), 'required')
  const factor = await checkSecondFactor(req.payload, user.id, code, req)
  if (!factor) throw new SecondFactorRefused(twoFactorMessage(req, 'codeWrong'), 'wrong')
  if (factor === 'recovery') req.payload.logger.info({ msg: 'Signed in with a recovery code', user: user.id })
  return user
}

/**
 * Payload signs a staff member in after a password reset. With two-factor sign-in on, that
 * session is revoked at once: the new password is set, and signing in needs the code as usual.
 */
export const endSessionAfterReset: CollectionAfterOperationHook = async ({ operation, req, result }) => {
  if (operation !== 'resetPassword') return result
  const id = (result as { user?: { id?: number | string } }).user?.id
  if (id === undefined || !(await readTwoFactor(req.payload, id, req)).enabled) return result
  await req.payload.db.updateOne({ collection: 'users', id, data: { sessions: [] }, req, returning: false })
  return result
}
