import type { Payload } from 'payload'
import { photoWithMetadata } from './images.ts'
import { gpsNeedle, type ItemKey, type MarkerBook } from './markers.ts'

export type PlantedImage = { id: number; filename: string; gps: string }
export type PlantedDocument = { id: number; filename: string }

let photos = 0

/**
 * An image for `item` with a marker in its file name, alt text and caption (both languages),
 * credit and licence (public once the item is), and in its consent note, EXIF, XMP, IPTC and GPS
 * position (never public).
 */
export async function plantImage(payload: Payload, book: MarkerBook, item: ItemKey): Promise<PlantedImage> {
  photos += 1
  const latitude = 59.9 + photos * 0.011
  const longitude = 30.3 + photos * 0.013
  const gps = book.add({
    id: gpsNeedle(latitude, longitude),
    item,
    label: `${book.itemLabel(item)} · image · GPS position in the photo`,
    private: true,
  })
  const exif = (field: string, label: string) => book.word(item, field, `image · ${label}`, { private: true })
  const bytes = await photoWithMetadata(
    {
      artist: `Photographer ${exif('xa', 'EXIF Artist')}`,
      description: `Family at home ${exif('xd', 'EXIF ImageDescription')}`,
      xmpDescription: `XMP ${exif('xx', 'XMP description')}`,
      iptcCaption: `IPTC ${exif('xi', 'IPTC caption')}`,
      cameraModel: `Phone ${exif('xm', 'EXIF camera model')}`,
      latitude,
      longitude,
    },
    (photos * 37) % 255,
  )
  const filename = `${book.word(item, 'mf', 'image · file name')}.jpg`
  const word = (field: string, label: string, lang?: 'en' | 'ru') =>
    book.word(item, field, `image · ${label}`, { lang })
  const created = await payload.create({
    collection: 'media',
    locale: 'en',
    file: { data: bytes, name: filename, mimetype: 'image/jpeg', size: bytes.length },
    data: {
      alt: `A photo ${word('ma', 'alt text', 'en')}`,
      caption: `Caption ${word('mc', 'caption', 'en')}`,
      credit: `Credit ${word('mr', 'credit')}`,
      licence: `Licence ${word('ml', 'licence')}`,
      consentNote: `Consent given by the family by phone ${book.word(item, 'mk', 'image · consent note', { private: true })}`,
    },
  })
  await payload.update({
    collection: 'media',
    id: created.id,
    locale: 'ru',
    data: {
      alt: `Фотография ${word('ma', 'alt text', 'ru')}`,
      caption: `Подпись ${word('mc', 'caption', 'ru')}`,
    },
  })
  if (created.filename !== filename) {
    throw new Error(`The CMS renamed the upload ${filename} to ${created.filename}; the audit needs the marker in it.`)
  }
  return { id: created.id, filename, gps }
}

/** A text document for `item`: marker in its file name, title, description (both languages) and its text. */
export async function plantDocument(payload: Payload, book: MarkerBook, item: ItemKey): Promise<PlantedDocument> {
  const word = (field: string, label: string, lang?: 'en' | 'ru') =>
    book.word(item, field, `document file · ${label}`, { lang })
  const filename = `${word('ff', 'file name')}.txt`
  const data = Buffer.from(
    `Background note ${word('fx', 'text inside the file')}\nСправка для прессы, не для публикации.\n`,
    'utf8',
  )
  const created = await payload.create({
    collection: 'documents',
    locale: 'en',
    file: { data, name: filename, mimetype: 'text/plain', size: data.length },
    data: {
      title: `Background note ${word('ft', 'title', 'en')}`,
      description: `Description ${word('fd', 'description', 'en')}`,
      language: 'multi',
    },
  })
  await payload.update({
    collection: 'documents',
    id: created.id,
    locale: 'ru',
    data: { title: `Справка ${word('ft', 'title', 'ru')}`, description: `Описание ${word('fd', 'description', 'ru')}` },
  })
  if (created.filename !== filename) {
    throw new Error(`The CMS renamed the upload ${filename} to ${created.filename}; the audit needs the marker in it.`)
  }
  return { id: created.id, filename }
}
