import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { pressContactVcard, vcardFilename } from '../vcard.ts'

/** Parses with ical.js (an independent RFC 6350 parser) and returns the card's properties. */
function parse(text: string) {
  const card = new ICAL.Component(ICAL.parse(text))
  expect(card.name).toBe('vcard')
  return card
}

describe('press contact vCards', () => {
  const contact = {
    name: 'Пресс-служба; приёмная, Москва',
    role: 'Руководитель пресс-службы международной гражданской инициативы «Вернём их домой живыми»\nпо будням',
    email: 'press@example.org',
    phone: '+7 495 000-00-00',
    languages: ['en', 'ru'],
    organizationName: 'Global Citizens; «Вернём их домой живыми», Москва',
    url: 'https://press.example.org/ru/contacts/',
  }

  it('parses back to the same values, with commas, semicolons and line breaks escaped', () => {
    const text = pressContactVcard(contact, 'ru')
    const card = parse(text)
    expect(card.getFirstPropertyValue('version')).toBe('4.0')
    expect(card.getFirstPropertyValue('fn')).toBe(contact.name)
    expect(card.getFirstPropertyValue('title')).toBe(contact.role)
    expect(card.getFirstPropertyValue('email')).toBe('press@example.org')
    expect(card.getFirstPropertyValue('tel')).toBe('tel:+74950000000')
    expect(card.getFirstPropertyValue('url')).toBe(contact.url)
    // ORG is structured (components split at ";"); the escaped name stays one component.
    expect(card.getFirstPropertyValue('org')).toBe(contact.organizationName)
    const langs = card.getAllProperties('lang').map((p) => [p.getFirstValue(), p.getParameter('pref')])
    expect(langs).toEqual([
      ['ru', '1'],
      ['en', '2'],
    ])
  })

  it('uses CRLF line ends and folds lines at 75 octets without splitting a Cyrillic letter', () => {
    const text = pressContactVcard(contact, 'en')
    expect(text.endsWith('END:VCARD\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    const lines = text.split('\r\n')
    expect(lines.some((l) => l.startsWith(' '))).toBe(true)
    for (const line of lines) {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
      expect(line).not.toContain('\uFFFD')
    }
    expect(parse(text).getFirstPropertyValue('lang')).toBe('en')
  })

  it('refuses a contact without a name or a usable e-mail address', () => {
    expect(() => pressContactVcard({ ...contact, name: ' ' }, 'en')).toThrow(/needs a name/)
    expect(() => pressContactVcard({ ...contact, email: 'a@b.org;x' }, 'en')).toThrow(/not an e-mail/)
  })

  it('names the file in ASCII', () => {
    expect(vcardFilename('Пресс-служба (заглушка)')).toBe('press-sluzhba-zaglushka.vcf')
    expect(vcardFilename('***')).toBe('contact.vcf')
  })
})
