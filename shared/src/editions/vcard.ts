import { type Locale, localeCodes } from '../locales.ts'
import { toSlug } from '../slug.ts'

/** A press contact as the public API gives it, in one language. */
export type PressContact = {
  name: string
  role?: string | null
  email: string
  phone?: string | null
  languages?: readonly string[] | null
  organizationName?: string | null
  /** The press room page where the contact is listed. */
  url?: string | null
}

/**
 * A vCard 4.0 (RFC 6350) for one press contact: CRLF line ends, text values escaped, long lines
 * folded at 75 octets without splitting a character. LANG lists the languages the contact speaks,
 * the edition's language first.
 */
export function pressContactVcard(contact: PressContact, locale: Locale): string {
  if (!contact.name?.trim()) throw new Error('A press contact needs a name for its vCard')
  if (!contact.email?.trim() || /[\s,;]/.test(contact.email.trim())) {
    throw new Error(`"${contact.email}" is not an e-mail address for a vCard`)
  }
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', 'KIND:individual', `FN:${escapeText(contact.name.trim())}`]
  if (contact.organizationName?.trim()) lines.push(`ORG:${escapeText(contact.organizationName.trim(), true)}`)
  if (contact.role?.trim()) lines.push(`TITLE:${escapeText(contact.role.trim())}`)
  lines.push(`EMAIL;TYPE=work:${escapeText(contact.email.trim())}`)
  if (contact.phone?.trim()) {
    const tel = contact.phone.trim().replace(/[^0-9+]/g, '')
    lines.push(`TEL;VALUE=uri;TYPE="work,voice":tel:${tel}`)
  }
  const spoken = (contact.languages ?? []).filter((l) => (localeCodes as readonly string[]).includes(l))
  spoken.sort((a, b) => (a === locale ? -1 : b === locale ? 1 : a.localeCompare(b)))
  spoken.forEach((language, index) => {
    lines.push(`LANG;PREF=${index + 1}:${language}`)
  })
  if (contact.url?.trim()) lines.push(`URL:${contact.url.trim()}`)
  lines.push('END:VCARD')
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}

/**
 * RFC 6350 §3.4: backslash, comma and line breaks are escaped in text values; a semicolon only
 * inside a field of a compound property (ORG, N), where it would otherwise split the field.
 */
export function escapeText(value: string, compound = false): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
  return compound ? escaped.replace(/;/g, '\\;') : escaped
}

/** RFC 6350 §3.2: lines longer than 75 octets are folded with CRLF and a space. */
export function foldLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  // The first line may hold 75 octets; continuation lines 74 after their leading space.
  let limit = 75
  for (const char of line) {
    const size = Buffer.byteLength(char)
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
      limit = 74
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n ')
}

/** The download's file name, e.g. press-office.vcf (the name transliterated to ASCII, so every system keeps it). */
export function vcardFilename(name: string): string {
  return `${toSlug(name).slice(0, 60) || 'contact'}.vcf`
}
