import type { IncomingMessage } from 'node:http'

/**
 * The address of the TCP peer, as a header route handlers can read. Next gives route handlers no
 * socket, and `next start` keeps a client's own X-Forwarded-For untouched (it fills the header
 * from the socket only when the client sent none), so the peer is lost there. The CMS's own
 * server (src/server/main.ts) writes this header from the socket on every request, replacing
 * whatever the client sent (docs/adr/0027).
 */
export const peerHeader = 'x-pressroom-peer'

// A process-wide mark, not an environment variable: nothing outside this process can set it.
const stampedHere = Symbol.for('pressroom.peerHeaderStamped')
type Marked = { [stampedHere]?: boolean }

/** Called by a server that stamps every request (src/server/main.ts, the test server). */
export function markPeerHeaderStamped(): void {
  ;(globalThis as Marked)[stampedHere] = true
}

/** Whether this process's server writes the peer header itself (otherwise a client could have). */
export const peerHeaderStamped = (): boolean => (globalThis as Marked)[stampedHere] === true

/** Replaces any peer header the client sent with the socket's own address. */
export function stampPeerAddress(request: IncomingMessage): void {
  request.headers[peerHeader] = request.socket.remoteAddress ?? ''
}

/** The TCP peer of a request that came through a stamping server, or undefined. */
export function peerAddress(headers: Headers): string | undefined {
  if (!peerHeaderStamped()) return undefined
  return headers.get(peerHeader) || undefined
}
