import type { PayloadRequest } from 'payload'
import { type SignedInStaff, signedInStaff } from '../../../http/staffOnly.ts'
import { type TwoFactorMessage, twoFactorMessage } from '../messages.ts'
import { readTwoFactor, type TwoFactorState } from '../store.ts'

/** Payload's error shape, so the admin shows the message like any other. */
export const refuse = (req: PayloadRequest, status: number, key: TwoFactorMessage) =>
  Response.json({ errors: [{ message: twoFactorMessage(req, key) }] }, { status })

/** A JSON body's object, or undefined for any other content type (a cross-site form cannot send JSON). */
export async function jsonBody(req: PayloadRequest): Promise<Record<string, unknown> | undefined> {
  if (!(req.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) return undefined
  try {
    const body = await req.json?.()
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {}
  } catch {
    return undefined
  }
}

export const codeIn = (body: Record<string, unknown>) =>
  typeof body.code === 'string' ? body.code.trim() : typeof body.code === 'number' ? String(body.code) : ''

/**
 * How each endpoint that changes one's own two-factor sign-in starts: the signed-in staff member
 * (else 401), their JSON body (else 415) and their stored state; or the refusal to answer with.
 */
export async function ownTwoFactorChange(
  req: PayloadRequest,
): Promise<{ me: SignedInStaff; body: Record<string, unknown>; state: TwoFactorState } | Response> {
  const me = signedInStaff(req)
  if (!me) return refuse(req, 401, 'signInFirst')
  const body = await jsonBody(req)
  if (!body) return refuse(req, 415, 'sendJson')
  return { me, body, state: await readTwoFactor(req.payload, me.id) }
}
