import type { IncomingMessage } from 'node:http'
import parseForwarded from 'forwarded-parse'
import ipaddr from 'ipaddr.js'
import proxyaddr from 'proxy-addr'
import { peerAddress } from './peerAddress.ts'
import { type ProxyHeader, proxySettings } from './trustedProxies.ts'

/** `[2001:db8::1]:4711` and `192.0.2.1:4711` (as Forwarded allows) without brackets and port. */
function withoutPort(value: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value)
  if (bracketed) return bracketed[1] ?? value
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(value)
  return v4?.[1] ?? value
}

function forwardedFor(value: string): string[] {
  const elements = (() => {
    try {
      return parseForwarded(value)
    } catch {
      // A client's malformed part must not hide what our proxy appended after it.
      try {
        return parseForwarded(value.slice(value.lastIndexOf(',') + 1).trim())
      } catch {
        return []
      }
    }
  })()
  return elements.flatMap((element) => (element.for ? [withoutPort(element.for)] : []))
}

/** The addresses a header lists, the one nearest to us last. */
function forwardedChain(headers: Headers, header: ProxyHeader): string[] {
  const value = headers.get(header)
  if (!value) return []
  if (header === 'forwarded') return forwardedFor(value)
  return value
    .split(',')
    .map((entry) => withoutPort(entry.trim()))
    .filter(Boolean)
}

const normalize = (address: string) => ipaddr.process(address).toString()

/**
 * The client's address: the TCP peer, unless the peer is a trusted proxy (TRUSTED_PROXIES); then
 * the right-most address in the proxies' header (TRUSTED_PROXY_HEADER) that is not itself a
 * trusted proxy. Anything else a client sends is ignored. Undefined when the request did not
 * come through the CMS's server, which alone knows the peer (docs/adr/0027).
 */
export function clientAddress(headers: Headers): string | undefined {
  const peer = peerAddress(headers)
  if (!peer || !ipaddr.isValid(peer)) return undefined
  const { trust, header } = proxySettings()
  const chain = trust(peer, 0) ? forwardedChain(headers, header) : []
  const request = { headers: { 'x-forwarded-for': chain.join(', ') }, socket: { remoteAddress: peer } }
  const hops = proxyaddr.all(request as unknown as IncomingMessage, trust)
  // The client is the furthest hop we may believe; a token that is no address ("unknown",
  // an obfuscated name) stands for the client of the trusted hop that reported it.
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]
    if (hop && ipaddr.isValid(hop)) return normalize(hop)
  }
  return normalize(peer)
}

/**
 * What rate limits count by: the address, or its /64 network for IPv6 (one subscriber line
 * holds a whole /64), or "unknown" when the address is not known.
 */
export function clientKey(headers: Headers): string {
  const address = clientAddress(headers)
  if (!address) return 'unknown'
  const parsed = ipaddr.parse(address)
  if (parsed.kind() === 'ipv4') return address
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4)
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toString()}/64`
}
