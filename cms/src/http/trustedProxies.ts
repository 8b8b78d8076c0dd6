import proxyaddr from 'proxy-addr'

/** The forwarded headers a trusted proxy may set; only the one named in TRUSTED_PROXY_HEADER is read. */
export const proxyHeaders = ['x-forwarded-for', 'forwarded', 'x-real-ip'] as const
export type ProxyHeader = (typeof proxyHeaders)[number]

export type ProxySettings = {
  /** Whether an address (the peer, or one a trusted proxy reported) is a proxy of ours. */
  trust: (address: string, hop: number) => boolean
  /** The header those proxies set; any other forwarded header is the client's and ignored. */
  header: ProxyHeader
}

let cached: { key: string; settings: ProxySettings } | undefined

/**
 * TRUSTED_PROXIES: addresses and networks of the reverse proxies in front of the CMS, comma
 * separated (`127.0.0.1,10.0.0.0/8`, IPv6 too, or proxy-addr's names `loopback`, `linklocal`,
 * `uniquelocal`); unset or empty trusts none. TRUSTED_PROXY_HEADER: which header they set
 * (default `x-forwarded-for`). Read on each call, compiled once per value (docs/adr/0027).
 */
export function proxySettings(env: Record<string, string | undefined> = process.env): ProxySettings {
  const list = (env.TRUSTED_PROXIES ?? '').trim()
  const header = (env.TRUSTED_PROXY_HEADER ?? 'x-forwarded-for').trim().toLowerCase()
  const key = `${list}\n${header}`
  if (cached?.key === key) return cached.settings
  if (!(proxyHeaders as readonly string[]).includes(header)) {
    throw new Error(
      `TRUSTED_PROXY_HEADER must be one of ${proxyHeaders.join(', ')} (the header your proxy sets), not "${header}".`,
    )
  }
  const entries = list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  let trust: ProxySettings['trust']
  try {
    trust = proxyaddr.compile(entries)
  } catch (error) {
    throw new Error(
      `TRUSTED_PROXIES must list the addresses or networks of your reverse proxies, e.g. "127.0.0.1,10.0.0.0/8" ` +
        `(or leave it unset when clients reach the CMS directly): ${(error as Error).message}.`,
    )
  }
  const settings = { trust, header: header as ProxyHeader }
  cached = { key, settings }
  return settings
}
