import type { AfterErrorHook } from 'payload'
import { unreadableRequest } from '../http/unreadableRequest.ts'

/** A REST request Payload could not read is the caller's mistake: a 400 that says what to send (docs/adr/0035). */
export const refuseUnreadableRequest: AfterErrorHook = ({ error, req }) => {
  const message = unreadableRequest(error, {
    query: req.query,
    contentType: req.headers?.get('content-type') ?? '',
    dataRead: req.data !== undefined,
  })
  if (!message) return
  return { status: 400, response: { errors: [{ message }], message } }
}
