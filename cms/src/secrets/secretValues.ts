/**
 * Which environment variables hold secrets, and their values taken out of text that staff read
 * (site build logs, docs/adr/0033). A build or a build hook's answer may print its environment
 * or a URL with a token; the log under Site builds must not carry it on.
 */

/** Never given to the site build, whatever SITE_BUILD_ENV says. */
export const secretNames = [
  'PAYLOAD_SECRET',
  'DATABASE_URL',
  'TEST_POSTGRES_URL',
  'RESEND_API_KEY',
  'RESEND_WEBHOOK_SECRET',
  'SITE_BUILD_HOOK_URL',
  'ADMIN_PASSWORD',
] as const

/** Names that say they hold a secret, whatever tool set them. */
const secretLooking = /SECRET|PASSWORD|PASSWD|TOKEN|API_KEY|PRIVATE|CREDENTIAL|ACCESS_KEY/i

export const isSecretName = (name: string): boolean =>
  (secretNames as readonly string[]).includes(name) || secretLooking.test(name)

/** Shorter values are left alone: replacing them would garble ordinary words in the log. */
const shortest = 8

/** The secret values in `env`, by name; a URL's password is listed on its own as well. */
export function secretValues(env: Record<string, string | undefined> = process.env): [string, string][] {
  const found: [string, string][] = []
  for (const [name, value] of Object.entries(env)) {
    if (!value || !isSecretName(name)) continue
    found.push([name, value])
    try {
      const url = new URL(value)
      if (url.password) found.push([`${name} password`, decodeURIComponent(url.password)])
      if (url.password) found.push([`${name} password`, url.password])
    } catch {
      // not a URL
    }
  }
  return found.filter(([, value]) => value.length >= shortest).sort((a, b) => b[1].length - a[1].length)
}

/**
 * The text with every secret value replaced by `[secret NAME]`. A log tail cut through a secret
 * starts with its end: that piece goes too.
 */
export function redactSecrets(text: string, env: Record<string, string | undefined> = process.env): string {
  let redacted = text
  for (const [name, value] of secretValues(env)) {
    redacted = redacted.split(value).join(`[secret ${name}]`)
    for (let length = value.length - 1; length >= shortest; length--) {
      if (redacted.startsWith(value.slice(-length))) {
        redacted = `[secret ${name}]${redacted.slice(length)}`
        break
      }
    }
  }
  return redacted
}
