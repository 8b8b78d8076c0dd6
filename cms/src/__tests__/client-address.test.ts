import { afterEach, describe, expect, it } from 'vitest'
import { clientAddress, clientKey } from '../http/clientAddress.ts'
import { markPeerHeaderStamped, peerHeader } from '../http/peerAddress.ts'
import { proxySettings } from '../http/trustedProxies.ts'

/** A request as the CMS's server hands it on: the socket's address in the peer header, plus what the client sent. */
const from = (peer: string, sent: Record<string, string> = {}) => new Headers({ ...sent, [peerHeader]: peer })

const proxies = (list?: string, header?: string) => {
  if (list === undefined) delete process.env.TRUSTED_PROXIES
  else process.env.TRUSTED_PROXIES = list
  if (header === undefined) delete process.env.TRUSTED_PROXY_HEADER
  else process.env.TRUSTED_PROXY_HEADER = header
}

afterEach(() => proxies())

describe('the client address', () => {
  it('is unknown when no server of ours wrote the peer header: a client may have sent it', () => {
    expect(clientAddress(from('198.51.100.1'))).toBeUndefined()
    expect(clientKey(from('198.51.100.1'))).toBe('unknown')
    markPeerHeaderStamped()
    expect(clientAddress(from('198.51.100.1'))).toBe('198.51.100.1')
  })

  it('is the TCP peer, whatever forwarded headers say, when no proxy is trusted (the default)', () => {
    const spoofed = {
      'x-forwarded-for': '203.0.113.9',
      forwarded: 'for=203.0.113.10',
      'x-real-ip': '203.0.113.11',
    }
    expect(clientAddress(from('127.0.0.1', spoofed))).toBe('127.0.0.1')
    // Node reports IPv4 peers of a dual-stack socket as IPv4-mapped IPv6.
    expect(clientAddress(from('::ffff:127.0.0.1', spoofed))).toBe('127.0.0.1')
    expect(clientAddress(from('not an address', spoofed))).toBeUndefined()
  })

  it('behind trusted proxies is the right-most address that is not one of them', () => {
    proxies('127.0.0.1, 10.0.0.0/8')
    // The client wrote the first entry itself; our proxies appended the rest.
    const chain = { 'x-forwarded-for': '198.51.100.1, 203.0.113.9, 10.1.2.3' }
    expect(clientAddress(from('127.0.0.1', chain))).toBe('203.0.113.9')
    expect(clientAddress(from('::ffff:10.9.9.9', chain))).toBe('203.0.113.9')
    // A peer that is no proxy of ours is the client, whatever it forwards.
    expect(clientAddress(from('192.0.2.50', chain))).toBe('192.0.2.50')
    // Only proxies in the chain: the furthest one is the client.
    expect(clientAddress(from('127.0.0.1', { 'x-forwarded-for': '10.0.0.5' }))).toBe('10.0.0.5')
    // Nothing forwarded: the proxy itself.
    expect(clientAddress(from('127.0.0.1'))).toBe('127.0.0.1')
    // A non-address where the client should be stands for the client of the proxy that wrote it.
    expect(clientAddress(from('127.0.0.1', { 'x-forwarded-for': '198.51.100.1, unknown' }))).toBe('127.0.0.1')
  })

  it('reads only the header the proxies are said to set', () => {
    const sent = {
      'x-forwarded-for': '203.0.113.1',
      forwarded: 'for=192.0.2.60;proto=http, for="[2001:db8:cafe::17]:4711"',
      'x-real-ip': '203.0.113.3',
    }
    proxies('127.0.0.1')
    expect(clientAddress(from('127.0.0.1', sent))).toBe('203.0.113.1')
    proxies('127.0.0.1', 'forwarded')
    expect(clientAddress(from('127.0.0.1', sent))).toBe('2001:db8:cafe::17')
    // A client's malformed element must not hide the one our proxy appended.
    expect(clientAddress(from('127.0.0.1', { forwarded: 'for="unclosed, for=203.0.113.7' }))).toBe('203.0.113.7')
    expect(clientAddress(from('127.0.0.1', { forwarded: 'for="192.0.2.43:47011"' }))).toBe('192.0.2.43')
    proxies('127.0.0.1', 'X-Real-IP')
    expect(clientAddress(from('127.0.0.1', sent))).toBe('203.0.113.3')
  })

  it('keys IPv6 clients by their /64 network, IPv4 clients by their address', () => {
    expect(clientKey(from('2001:db8:1:2:3:4:5:6'))).toBe('2001:db8:1:2::/64')
    expect(clientKey(from('2001:db8:1:2:ffff::1'))).toBe('2001:db8:1:2::/64')
    expect(clientKey(from('2001:db8:1:3::1'))).toBe('2001:db8:1:3::/64')
    expect(clientKey(from('::ffff:192.0.2.1'))).toBe('192.0.2.1')
  })

  it('refuses malformed settings with a message that says what to set', () => {
    expect(() => proxySettings({ TRUSTED_PROXIES: '127.0.0.1, proxy.example' })).toThrow(
      /TRUSTED_PROXIES must list the addresses or networks of your reverse proxies, e\.g\. "127\.0\.0\.1,10\.0\.0\.0\/8"/,
    )
    expect(() => proxySettings({ TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/TRUSTED_PROXIES/)
    expect(() => proxySettings({ TRUSTED_PROXY_HEADER: 'x-client-ip' })).toThrow(
      'TRUSTED_PROXY_HEADER must be one of x-forwarded-for, forwarded, x-real-ip (the header your proxy sets), not "x-client-ip".',
    )
    expect(proxySettings({ TRUSTED_PROXIES: 'loopback, fd00::/8' }).trust('::1', 0)).toBe(true)
  })
})
