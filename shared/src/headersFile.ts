/**
 * The `_headers` file of static hosts (Netlify, Cloudflare Pages and others): blocks of a path
 * pattern followed by indented `Name: value` lines. The site build writes one into its output with
 * the site's security headers (site/src/lib/securityHeaders.ts); the site server that
 * `./pressroom start` runs reads the same file, so both serve the same headers (docs/adr/0032).
 */
export type HeaderRule = { path: string; headers: Record<string, string> }

export function formatHeadersFile(rules: HeaderRule[]): string {
  return rules
    .map((rule) =>
      [rule.path, ...Object.entries(rule.headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n'),
    )
    .join('\n\n')
    .concat('\n')
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = []
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {} })
      continue
    }
    const colon = line.indexOf(':')
    const rule = rules.at(-1)
    if (rule && colon > 0) rule.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim()
  }
  return rules
}

/** Whether a rule's path (exact, or ending in `*` for everything below) covers a URL path. */
export function headerRuleMatches(rulePath: string, urlPath: string): boolean {
  return rulePath.endsWith('*') ? urlPath.startsWith(rulePath.slice(0, -1)) : urlPath === rulePath
}
