import { gzipSync } from 'node:zlib'
import { zipSync } from 'fflate'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { relationNeedles } from './helpers/leakAudit/collectors/http.ts'
import { findMarkers } from './helpers/leakAudit/findMarkers.ts'
import { photoWithMetadata } from './helpers/leakAudit/images.ts'
import { gpsNeedle, type Marker, MarkerBook, refNeedle } from './helpers/leakAudit/markers.ts'
import { recordsOfFile } from './helpers/leakAudit/records.ts'

/** The leak audit's own instruments (leak-audit.test.ts): an audit that cannot see proves nothing. */
const marker = (id: string): Marker => ({ id, item: 'embargoed', label: id, private: false })

describe('the leak audit’s search', () => {
  it('finds every marker whatever its case, in entities and percent-escapes, and counts it per record', () => {
    const [a, b, c] = [marker('lkemtiea1b2'), marker('lkemtira1b2'), marker('lkemsuea1b2')]
    const hits = findMarkers(
      [
        { where: 'page', text: '<h1>LKEMTIEA1B2</h1> and lkemtiea1b2 again' },
        { where: 'feed', text: 'title: &#108;&#x6b;emtira1b2' },
        { where: 'url', text: '/search?q=%6C%6Bemsuea1b2' },
        { where: 'clean', text: 'lkemtiea1b' },
      ],
      [a, b, c],
    )
    expect(hits.map((h) => [h.where, h.marker.id, h.count])).toEqual([
      ['page', a.id, 2],
      ['feed', b.id, 1],
      ['url', c.id, 1],
    ])
    expect(hits[0]!.snippet).toContain('LKEMTIEA1B2')
  })

  it('tells apart needles that begin alike (one id is not another id’s prefix)', () => {
    const one = marker(refNeedle('press-releases', 1))
    const twelve = marker(refNeedle('press-releases', 12))
    const hits = findMarkers(
      [
        {
          where: 'kit',
          text: relationNeedles('{"publications":[{"relationTo":"press-releases","value":12}]}').join('\n'),
        },
      ],
      [one, twelve],
    )
    expect(hits.map((h) => h.marker)).toEqual([twelve])
  })

  it('reads the ids of polymorphic relationships, populated or not', () => {
    const body = JSON.stringify({
      docs: [
        {
          publications: [
            { relationTo: 'statements', value: 3 },
            { relationTo: 'notices', value: { id: 7, title: 'x' } },
            { relationTo: 'notices', value: null },
          ],
        },
      ],
    })
    expect(relationNeedles(body)).toEqual([refNeedle('statements', 3), refNeedle('notices', 7)])
  })
})

describe('the leak audit’s file reader', () => {
  it('opens ZIPs and gzip inside them, and reads GPS, EXIF, XMP and IPTC from a photo inside those', async () => {
    const book = new MarkerBook()
    const artist = book.word('embargoed', 'xa', 'artist', { private: true })
    const text = book.word('embargoed', 'fx', 'text')
    const photo = await photoWithMetadata(
      {
        artist,
        description: 'd',
        xmpDescription: 'x',
        iptcCaption: 'i',
        cameraModel: 'm',
        latitude: 59.95,
        longitude: 30.31,
      },
      100,
    )
    const zip = zipSync({ 'kit/photo.jpg': photo, 'kit/index.gz': gzipSync(Buffer.from(`fragment ${text}`)) })
    const records = await recordsOfFile('site en/kit-en.zip', 'kit-en.zip', zip)
    const gps = book.add({ id: gpsNeedle(59.95, 30.31), item: 'embargoed', label: 'gps', private: true })
    const hits = findMarkers(records, book.all)
    expect(hits.map((h) => [h.marker.id, h.where])).toEqual(
      expect.arrayContaining([
        [artist, 'site en/kit-en.zip › kit/photo.jpg'],
        [gps, 'site en/kit-en.zip › kit/photo.jpg'],
        [text, 'site en/kit-en.zip › kit/index.gz (gunzipped)'],
      ]),
    )
  })

  it('reads the EXIF of a WebP too (which the EXIF reader does not open by itself)', async () => {
    const photo = await photoWithMetadata(
      {
        artist: 'a',
        description: 'd',
        xmpDescription: 'x',
        iptcCaption: 'i',
        cameraModel: 'm',
        latitude: 59.93,
        longitude: 30.36,
      },
      50,
    )
    const webp = await sharp(photo).keepExif().webp().toBuffer()
    const [record] = await recordsOfFile('site media/photo.webp', 'photo.webp', webp)
    expect(record!.text).toContain(gpsNeedle(59.93, 30.36))
  })
})
