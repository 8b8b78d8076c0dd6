import type { PayloadRequest } from 'payload'
import { type TwoFactorMessage, twoFactorMessage } from '../messages.ts'

/** Payload's error shape, so the admin shows the message like any other. */
export const refuse = (req: PayloadRequest, status: number, key: TwoFactorMessage) =>
  Response.json({ errors: [{ message: twoFactorMessage(req, key) }] }, { status })

/** The signed-in staff member; these endpoints are for the users collection only. */
export function signedIn(req: PayloadRequest): { id: number | string; sid?: string } | undefined {
  const user = req.user as { id?: number | string; collection?: string; _sid?: string } | null
  return user?.collection === 'users' && user.id !== undefined ? { id: user.id, sid: user._sid } : undefined
}

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
