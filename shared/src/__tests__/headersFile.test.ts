import { describe, expect, it } from 'vitest'
import { formatHeadersFile, type HeaderRule, headerRuleMatches, parseHeadersFile } from '../headersFile.ts'

describe('the _headers file', () => {
  it('reads back what it writes, with comments and blank lines ignored', () => {
    const rules: HeaderRule[] = [
      {
        path: '/*',
        headers: { 'Content-Security-Policy': "default-src 'self'; form-action 'self' https://cms.example.org" },
      },
      { path: '/en/*', headers: { 'X-Frame-Options': 'DENY', 'Referrer-Policy': 'no-referrer' } },
    ]
    const text = formatHeadersFile(rules)
    expect(text).toContain(
      "/*\n  Content-Security-Policy: default-src 'self'; form-action 'self' https://cms.example.org\n",
    )
    expect(parseHeadersFile(`# written by a test\n\n${text}`)).toEqual(rules)
  })

  it('matches exact paths and everything under a path ending in *', () => {
    expect(headerRuleMatches('/*', '/en/statements/')).toBe(true)
    expect(headerRuleMatches('/en/*', '/en/')).toBe(true)
    expect(headerRuleMatches('/en/*', '/ru/')).toBe(false)
    expect(headerRuleMatches('/en/', '/en/')).toBe(true)
    expect(headerRuleMatches('/en/', '/en/x/')).toBe(false)
  })
})
