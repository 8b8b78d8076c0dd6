import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStaff, type StartedPayload, staffPassword, startPayload, testDatabase } from '../testing/payload.ts'
import { httpClient } from './helpers/http.ts'

/**
 * Internal fields (the consent note above all) never reach an anonymous reader, however they ask:
 * REST lists and single documents at every depth, in every language, as drafts, filtered or
 * sorted by the field, and GraphQL (docs/adr/0025). Staff still read them.
 */
let started: StartedPayload
let payload: Payload
let staffToken: string

const consent = 'CONSENT-MARKER signed by both parents on 2 March 2026'
const ids: Record<'media' | 'statement' | 'kit' | 'contact', number | string> = {
  media: 0,
  statement: 0,
  kit: 0,
  contact: 0,
}

beforeAll(async () => {
  started = await startPayload()
  payload = started.payload
  const editor = await createStaff(payload, 'editor')
  staffToken = await httpClient(payload).login(editor.email, staffPassword)

  const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#405060' } })
    .png()
    .toBuffer()
  const media = await payload.create({
    collection: 'media',
    locale: 'en',
    file: { data: png, name: 'family.png', mimetype: 'image/png', size: png.length },
    data: { alt: 'The family', caption: 'At home', credit: 'Press room', consentNote: consent },
  })
  await payload.update({ collection: 'media', id: media.id, locale: 'ru', data: { alt: 'Семья' } })
  ids.media = media.id
  const contact = await payload.create({
    collection: 'press-contacts',
    data: { name: 'Press office', email: 'press@example.org', languages: ['en'], isPlaceholder: true },
  })
  ids.contact = contact.id
  const statement = await payload.create({
    collection: 'statements',
    data: {
      title: 'A statement with a photo',
      date: '2026-03-01T12:00:00.000Z',
      media: [media.id],
      pressContacts: [contact.id],
      _status: 'published',
    },
  })
  ids.statement = statement.id
  const kit = await payload.create({
    collection: 'press-kits',
    data: {
      title: 'A kit',
      publications: [{ relationTo: 'statements', value: statement.id }],
      media: [media.id],
      pressContacts: [contact.id],
      isPlaceholder: true,
      _status: 'published',
    },
  })
  ids.kit = kit.id
  await payload.updateGlobal({
    slug: 'site-settings',
    data: {
      organizationName: 'Test organization',
      siteUrl: 'https://internal-site.example.org',
      cmsUrl: 'https://internal-cms.example.org',
      referencePrefix: 'GC',
      isPlaceholder: true,
    },
  })
})
afterAll(async () => {
  await started?.stop()
})

/** Every anonymous way of reading a document that holds or reaches the image. */
function anonymousPaths(): string[] {
  const reads: string[] = []
  for (const depth of [0, 1, 2, 3]) {
    for (const extra of ['', '&locale=all', '&draft=true', '&locale=ru&fallback-locale=en']) {
      const q = `?depth=${depth}${extra}`
      reads.push(
        `/media${q}`,
        `/media/${ids.media}${q}`,
        `/statements${q}`,
        `/statements/${ids.statement}${q}`,
        `/press-kits${q}`,
        `/press-kits/${ids.kit}${q}`,
        `/press-contacts${q}`,
        `/globals/site-settings${q}`,
      )
    }
  }
  return reads
}

const internalValues = [consent, 'internal-site.example.org', 'internal-cms.example.org']

describe(`internal fields stay with staff (${testDatabase})`, () => {
  it('REST never gives an anonymous reader the consent note or another internal field', async () => {
    const http = httpClient(payload)
    for (const path of anonymousPaths()) {
      const res = await http.get(path)
      expect(res.status, path).toBe(200)
      for (const value of internalValues) expect(res.text, path).not.toContain(value)
      for (const field of ['consentNote', 'isPlaceholder', 'firstPublishedAt', 'referencePrefix', 'siteUrl', 'cmsUrl'])
        expect(res.text, `${path}: ${field}`).not.toContain(`"${field}"`)
    }
    // The public part of the same documents is there, so the reads above did reach them.
    const image = await http.get(`/media/${ids.media}?locale=all`)
    expect(image.json).toMatchObject({ alt: { en: 'The family', ru: 'Семья' }, credit: 'Press room' })
    const statement = await http.get(`/statements/${ids.statement}?depth=2`)
    expect(statement.json.media[0]).toMatchObject({ alt: 'The family', caption: 'At home' })
    const settings = await http.get('/globals/site-settings')
    expect(settings.json.organizationName).toBe('Test organization')
  })

  it('refuses to filter or sort by an internal field, so answers cannot be used to guess it', async () => {
    const http = httpClient(payload)
    for (const path of [
      '/media?where[consentNote][like]=CONSENT',
      '/media?where[consentNote][exists]=true',
      '/media?sort=consentNote',
      `/statements?depth=1&where[media.consentNote][like]=CONSENT`,
      '/press-kits?where[isPlaceholder][equals]=true',
    ]) {
      const res = await http.get(path)
      expect(res.status, path).toBe(400)
      expect(res.text, path).not.toContain(consent)
    }
  })

  it('GraphQL gives an anonymous reader null for internal fields', async () => {
    const http = httpClient(payload)
    const query = `{
      Media(id: ${JSON.stringify(ids.media)}) { alt consentNote }
      allMedia { docs { alt consentNote } }
      Statement(id: ${JSON.stringify(ids.statement)}) { title firstPublishedAt media { alt consentNote } }
      PressKits { docs { title isPlaceholder media { consentNote } } }
      PressContacts { docs { name isPlaceholder } }
      SiteSetting { organizationName siteUrl cmsUrl referencePrefix isPlaceholder }
    }`
    const res = await http.graphql(query)
    expect(res.status).toBe(200)
    const data = res.json.data
    expect(data.Media).toEqual({ alt: 'The family', consentNote: null })
    expect(data.allMedia.docs).toEqual([{ alt: 'The family', consentNote: null }])
    expect(data.Statement).toMatchObject({ firstPublishedAt: null, media: [{ alt: 'The family', consentNote: null }] })
    expect(data.PressKits.docs).toEqual([{ title: 'A kit', isPlaceholder: null, media: [{ consentNote: null }] }])
    expect(data.PressContacts.docs).toEqual([{ name: 'Press office', isPlaceholder: null }])
    expect(data.SiteSetting).toEqual({
      organizationName: 'Test organization',
      siteUrl: null,
      cmsUrl: null,
      referencePrefix: null,
      isPlaceholder: null,
    })
    for (const value of internalValues) expect(JSON.stringify(res.json)).not.toContain(value)

    const filtered = await http.graphql('{ allMedia(where: { consentNote: { like: "CONSENT" } }) { docs { alt } } }')
    expect(JSON.stringify(filtered.json)).not.toContain('The family')
  })

  it('staff read them, over REST and GraphQL', async () => {
    const http = httpClient(payload)
    const image = await http.get(`/media/${ids.media}`, { token: staffToken })
    expect(image.json.consentNote).toBe(consent)
    const statement = await http.get(`/statements/${ids.statement}?depth=1`, { token: staffToken })
    expect(statement.json.media[0].consentNote).toBe(consent)
    expect(statement.json.firstPublishedAt).toBeTruthy()
    const kit = await http.get(`/press-kits/${ids.kit}`, { token: staffToken })
    expect(kit.json.isPlaceholder).toBe(true)
    const settings = await http.get('/globals/site-settings', { token: staffToken })
    expect(settings.json).toMatchObject({ siteUrl: 'https://internal-site.example.org', referencePrefix: 'GC' })
    const filtered = await http.get('/media?where[consentNote][like]=CONSENT', { token: staffToken })
    expect(filtered.json.docs).toHaveLength(1)
    const res = await http.graphql(`{ Media(id: ${JSON.stringify(ids.media)}) { consentNote } }`, { token: staffToken })
    expect(res.json.data.Media.consentNote).toBe(consent)
  })
})
