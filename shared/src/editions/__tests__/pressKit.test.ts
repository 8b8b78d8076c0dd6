import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { unzipSync } from 'fflate'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterEach, describe, expect, it } from 'vitest'
import { needsProtection, unprotectCell } from '../../csv.ts'
import { sha256 } from '../checksums.ts'
import { buildPressKitZip, editionFilename, type PressKit, type PressKitImage } from '../pressKit.ts'
import { buildZip } from '../zip.ts'
import { fallbackRu, noticeRu, statementEn } from './fixtures.ts'

const tmp = () => mkdtempSync(path.join(tmpdir(), 'press-kit-'))

/** Stand-ins for image files: the builder copies bytes, it never decodes them. */
const bytes = (label: string, size = 4096) => {
  const data = Buffer.alloc(size)
  data.write(label)
  return new Uint8Array(data)
}

function kitEn(): PressKit {
  const dir = tmp()
  const original = path.join(dir, 'mission-office.jpg')
  writeFileSync(original, bytes('original jpeg', 50_000))
  return {
    locale: 'en',
    slug: 'founding-documents',
    title: 'Founding documents',
    description: 'The founding statement and a photograph of the initiative’s office.',
    organizationName: 'Global Citizens — Bring them home alive',
    url: 'https://press.example.org/en/press-kits/founding-documents/',
    images: [
      {
        filename: 'mission-office.jpg',
        original: { file: original },
        width: 3000,
        height: 2000,
        webVersions: [
          { filename: 'mission-office-1200x800.jpg', source: { data: bytes('web jpeg') }, width: 1200, height: 800 },
          { filename: 'mission-office-1200x800.webp', source: { data: bytes('web webp') }, width: 1200, height: 800 },
        ],
        alt: 'The office of the initiative',
        caption: 'The office, Moscow, "September" 2021',
        credit: 'Press room',
        licence: 'CC BY 4.0',
      },
      {
        // A second upload with the same name must not overwrite the first.
        filename: 'mission-office.jpg',
        original: { data: bytes('second original') },
        alt: 'Second image',
      },
    ],
    documents: [{ edition: statementEn }],
    files: [{ filename: 'charter/excerpt.txt', title: 'Charter excerpt', source: { data: bytes('text', 20) } }],
    contacts: [{ name: 'Press office', email: 'press@example.org', phone: '+7 000 000-00-00', languages: ['en'] }],
  }
}

let previousTz: string | undefined
afterEach(() => {
  if (previousTz === undefined) delete process.env.TZ
  else process.env.TZ = previousTz
})

describe('deterministic ZIPs', () => {
  it('gives byte-identical ZIPs for the same entries in any order and in any time zone', async () => {
    const dir = tmp()
    writeFileSync(path.join(dir, 'b.txt'), 'second')
    const entries = [
      { path: 'kit/a.txt', data: 'first' },
      // Streamed from disk, as the site does with large originals.
      { path: 'kit/b.txt', file: path.join(dir, 'b.txt') },
      { path: 'kit/c.jpg', data: bytes('jpeg') },
    ]
    const options = { mtime: '2021-09-11T09:00:00Z' }
    previousTz = process.env.TZ
    process.env.TZ = 'UTC'
    const first = await buildZip(entries, options)
    process.env.TZ = 'Asia/Vladivostok'
    const second = await buildZip([...entries].reverse(), options)
    expect(sha256(second)).toBe(sha256(first))

    const files = unzipSync(first)
    expect(Object.keys(files)).toEqual(['kit/a.txt', 'kit/b.txt', 'kit/c.jpg'])
    expect(Buffer.from(files['kit/b.txt']!).toString()).toBe('second')
    expect(Buffer.from(files['kit/c.jpg']!)).toEqual(Buffer.from(bytes('jpeg')))

    const changed = await buildZip([...entries.slice(0, 2), { path: 'kit/c.jpg', data: bytes('jpeg!') }], options)
    expect(sha256(changed)).not.toBe(sha256(first))
    const later = await buildZip(entries, { mtime: '2021-09-12T09:00:00Z' })
    expect(sha256(later)).not.toBe(sha256(first))
  })

  it('refuses paths that would escape the folder or collide', async () => {
    for (const bad of ['../evil.txt', '/etc/passwd', 'a//b', 'a\\b', 'dir/'])
      await expect(buildZip([{ path: bad, data: 'x' }])).rejects.toThrow(/not a safe path/)
    await expect(
      buildZip([
        { path: 'a.txt', data: 'x' },
        { path: 'a.txt', data: 'y' },
      ]),
    ).rejects.toThrow(/twice/)
  })
})

describe('press-kit ZIP', () => {
  it('holds the fact sheet, PDF editions, original and web images, files, vCards and a manifest that matches the kit', async () => {
    const kit = kitEn()
    const built = await buildPressKitZip(kit)
    expect(built.filename).toBe('founding-documents-en.zip')
    expect(built.bytes).toBe(built.zip.length)
    expect(built.sha256).toBe(sha256(built.zip))

    const files = unzipSync(built.zip)
    const root = 'founding-documents-en/'
    expect(Object.keys(files).sort()).toEqual(
      [
        'README.txt',
        'checksums.txt',
        'contacts/press-office.vcf',
        `documents/${editionFilename(statementEn)}`,
        'fact-sheet.pdf',
        'files/charter-excerpt.txt',
        'images/original/mission-office-2.jpg',
        'images/original/mission-office.jpg',
        'images/web/mission-office-1200x800.jpg',
        'images/web/mission-office-1200x800.webp',
        'manifest.csv',
        'manifest.json',
      ].map((p) => root + p),
    )
    expect(editionFilename(statementEn)).toBe('GC-ST-2021-001-en.pdf')
    expect(Buffer.from(files[`${root}images/original/mission-office.jpg`]!).subarray(0, 13).toString()).toBe(
      'original jpeg',
    )

    const manifest = JSON.parse(Buffer.from(files[`${root}manifest.json`]!).toString())
    expect(manifest).toEqual(built.manifest)
    expect(manifest.kit).toMatchObject({ title: kit.title, locale: 'en', url: kit.url })
    const original = manifest.files.find((f: { path: string }) => f.path === 'images/original/mission-office.jpg')
    expect(original).toMatchObject({
      role: 'image-original',
      bytes: 50_000,
      width: 3000,
      height: 2000,
      caption: 'The office, Moscow, "September" 2021',
      credit: 'Press room',
      licence: 'CC BY 4.0',
    })
    const webp = manifest.files.find((f: { path: string }) => f.path.endsWith('.webp'))
    expect(webp).toMatchObject({ role: 'image-web', original: original.path, credit: 'Press room', width: 1200 })
    for (const entry of manifest.files) {
      expect(sha256(files[root + entry.path]!)).toBe(entry.sha256)
      expect(files[root + entry.path]!.length).toBe(entry.bytes)
    }

    // The CSV is the same list, readable by a CSV parser (quotes and commas escaped).
    const csv: Record<string, string>[] = parse(Buffer.from(files[`${root}manifest.csv`]!).toString(), {
      columns: true,
      bom: true,
    })
    expect(csv).toHaveLength(manifest.files.length)
    expect(csv.find((r) => r.path === original.path)).toMatchObject({
      caption: original.caption,
      credit: 'Press room',
      licence: 'CC BY 4.0',
      sha256: original.sha256,
    })
    expect(Object.keys(csv[0] ?? {})).toEqual([
      'path',
      'role',
      'bytes',
      'sha256',
      'title',
      'referenceNumber',
      'width',
      'height',
      'original',
      'alt',
      'caption',
      'credit',
      'licence',
    ])

    // The edition inside is the same PDF the document page offers.
    const edition = files[`${root}documents/GC-ST-2021-001-en.pdf`]!
    const pages = await extractText(await getDocumentProxy(edition.slice()), { mergePages: true })
    expect(pages.text).toContain('GC-ST-2021-001')

    const factSheet = await extractText(await getDocumentProxy(files[`${root}fact-sheet.pdf`]!.slice()), {
      mergePages: true,
    })
    const sheet = factSheet.text.replace(/\s+/g, ' ')
    expect(sheet).toContain('Founding documents')
    expect(sheet).toContain('GC-ST-2021-001')
    expect(sheet).toContain('Credit: Press room · Licence: CC BY 4.0')
    expect(sheet).toContain('press@example.org')
  })

  it('verifies with sha256sum -c once unpacked', async () => {
    const built = await buildPressKitZip(kitEn())
    const dir = tmp()
    for (const [name, data] of Object.entries(unzipSync(built.zip))) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
      writeFileSync(path.join(dir, name), data)
    }
    const check = spawnSync('sha256sum', ['-c', 'checksums.txt'], {
      cwd: path.join(dir, 'founding-documents-en'),
      encoding: 'utf8',
    })
    expect(check.stderr).toBe('')
    expect(check.status).toBe(0)
    expect(check.stdout.trim().split('\n')).toHaveLength(11)
  })

  it('gives a byte-identical ZIP when built twice from the same kit', async () => {
    const first = await buildPressKitZip(kitEn())
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const second = await buildPressKitZip(kitEn())
    expect(second.sha256).toBe(first.sha256)
  })

  it('contains only what it is given, in the kit’s language', async () => {
    const kit: PressKit = {
      ...kitEn(),
      locale: 'ru',
      slug: 'founding-documents',
      title: 'Учредительные документы',
      images: [],
      files: [],
      contacts: [],
      documents: [{ edition: fallbackRu }, { edition: noticeRu }],
    }
    const files = Object.keys(unzipSync((await buildPressKitZip(kit)).zip))
    expect(files.filter((f) => f.includes('/documents/'))).toEqual([
      'founding-documents-ru/documents/GC-NT-2026-002-ru.pdf',
      'founding-documents-ru/documents/GC-ST-2021-001-ru.pdf',
    ])
    await expect(buildPressKitZip({ ...kit, documents: [{ edition: statementEn }] })).rejects.toThrow(
      /en edition of GC-ST-2021-001 cannot go into the ru press kit/,
    )
  })
})

describe('what a press kit never carries', () => {
  it('leaves out an image’s consent note even when a caller still passes one', async () => {
    const kit = kitEn()
    const secret = 'CONSENT-MARKER the mother agreed by phone'
    kit.images = kit.images.map((image) => ({ ...image, consentNote: secret }) as PressKitImage)
    const files = unzipSync((await buildPressKitZip(kit)).zip)
    for (const [name, data] of Object.entries(files)) {
      const text = name.endsWith('.pdf')
        ? (await extractText(await getDocumentProxy(data.slice()), { mergePages: true })).text
        : Buffer.from(data).toString()
      expect(text, name).not.toContain('CONSENT-MARKER')
      expect(text, name).not.toMatch(/consent|Согласие/i)
    }
  })
})

describe('manifest.csv in a spreadsheet', () => {
  it('protects every cell that could start a formula, in every column, and reads back to the JSON manifest', async () => {
    const formula = (label: string) => `=HYPERLINK("http://evil.example/${label}","${label}")`
    const kit = kitEn()
    kit.title = formula('kit')
    kit.images = [
      {
        filename: '=cmd|calc.jpg',
        original: { data: bytes('hostile original') },
        width: 10,
        height: 10,
        webVersions: [{ filename: '@web.jpg', source: { data: bytes('web') }, width: 5, height: 5 }],
        alt: ' +alt',
        caption: '"-caption"',
        credit: '\t=credit',
        licence: '@licence',
      },
    ]
    kit.documents = [{ edition: { ...statementEn, title: formula('edition'), referenceNumber: '-GC-ST-2021-001' } }]
    kit.files = [{ filename: '+file.txt', title: ' "\t=file', source: { data: bytes('file', 20) } }]
    kit.contacts = [{ name: '@contact', email: 'press@example.org', languages: ['en'] }]
    const built = await buildPressKitZip(kit)
    const files = unzipSync(built.zip)
    const root = `${Object.keys(files)[0]?.split('/')[0]}/`
    const rows: string[][] = parse(Buffer.from(files[`${root}manifest.csv`]!).toString(), { bom: true })
    const [header, ...body] = rows as [string[], ...string[][]]

    // No cell a spreadsheet would run: each one is either harmless or starts with the apostrophe.
    let protectedCells = 0
    for (const row of rows) {
      for (const cell of row) {
        expect(!needsProtection(cell) || cell.startsWith("'"), JSON.stringify(cell)).toBe(true)
        if (cell.startsWith("'")) protectedCells++
      }
    }
    // The hostile values really were in the file: the kit's title, captions, credits, file and contact names.
    expect(protectedCells).toBeGreaterThanOrEqual(9)

    // Without the apostrophes, the CSV says exactly what manifest.json says.
    const json = JSON.parse(Buffer.from(files[`${root}manifest.json`]!).toString()) as {
      files: Record<string, unknown>[]
    }
    const asText = (value: unknown) => (value === undefined ? '' : String(value))
    expect(body.map((row) => row.map(unprotectCell))).toEqual(
      json.files.map((entry) => header.map((column) => asText(entry[column]))),
    )
    const byPath = new Map(body.map((row) => [row[0], row]))
    const edition = json.files.find((f) => f.role === 'edition')!
    expect(byPath.get(String(edition.path))?.[header.indexOf('title')]).toBe(`'${formula('edition')}`)
    expect(byPath.get(String(edition.path))?.[header.indexOf('referenceNumber')]).toBe("'-GC-ST-2021-001")
    const image = json.files.find((f) => f.role === 'image-original')!
    // Captions and credits are trimmed by the builder; a title keeps the space and quote before its '='.
    expect(byPath.get(String(image.path))?.slice(header.indexOf('alt'))).toEqual([
      "'+alt",
      '\'"-caption"',
      "'=credit",
      "'@licence",
    ])
    const file = json.files.find((f) => f.role === 'file')!
    expect(byPath.get(String(file.path))?.[header.indexOf('title')]).toBe('\' "\t=file')
  })
})
