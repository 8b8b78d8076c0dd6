import { extractText, getDocumentProxy } from 'unpdf'
import { describe, expect, it } from 'vitest'
import { sha256 } from '../checksums.ts'
import { editionFromPublication } from '../fromPublication.ts'
import { renderPdfEdition } from '../pdf.ts'
import type { EditionDocument } from '../types.ts'
import { fallbackRu, noticeRu, statementEn } from './fixtures.ts'

/** The text of each page as a PDF reader's copy and paste would give it, whitespace collapsed. */
async function pagesOf(pdf: Uint8Array): Promise<string[]> {
  const proxy = await getDocumentProxy(pdf.slice())
  const { text } = await extractText(proxy, { mergePages: false })
  return text.map((page) => page.replace(/\s+/g, ' '))
}

async function linksOf(pdf: Uint8Array): Promise<string[]> {
  const proxy = await getDocumentProxy(pdf.slice())
  const urls: string[] = []
  for (let n = 1; n <= proxy.numPages; n++) {
    const annotations = await (await proxy.getPage(n)).getAnnotations()
    for (const a of annotations) if (a.url) urls.push(a.url)
  }
  return urls
}

const raw = (pdf: Uint8Array) => Buffer.from(pdf).toString('latin1')

describe('PDF editions', () => {
  it('prints an English statement as extractable text with its reference number, signatories and page numbers', async () => {
    const pdf = await renderPdfEdition(statementEn)
    const pages = await pagesOf(pdf)
    expect(pages.length).toBeGreaterThanOrEqual(2)
    const all = pages.join(' ')
    for (const text of [
      'Global Citizens — Bring them home alive',
      'STATEMENT',
      'Ref. GC-ST-2021-001',
      'Moscow, 11 September 2021',
      'Regarding the search for solutions to enable citizens deprived of their liberty',
      'proposes a Permanent Mediation Mission in Moscow',
      'Every person deserves to come home alive.',
      'Global Citizens | International Movement',
      '13 September 2021 — Correction: A date in paragraph 4 was corrected.',
    ]) {
      expect(all).toContain(text)
    }
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`)
      expect(page).toContain('GC-ST-2021-001')
    })
    expect(await linksOf(pdf)).toEqual(
      expect.arrayContaining(['https://www.un.org/en/about-us/un-charter', statementEn.url]),
    )
  })

  it('prints a Russian notice in Cyrillic with its addressees, formal closing and «Страница 1 из 1»', async () => {
    const pdf = await renderPdfEdition(noticeRu)
    const pages = await pagesOf(pdf)
    expect(pages).toHaveLength(1)
    const [page] = pages
    for (const text of [
      'УВЕДОМЛЕНИЕ',
      '№ GC-NT-2026-002',
      'Москва, 1 марта 2026 г.',
      'Кому: Посольства в Москве Международный комитет Красного Креста',
      'Съешь же ещё этих мягких французских булок, да выпей чаю. Жирный текст и курсив.',
      'Ёжик в тумане',
      'возобновить уверения в своём самом высоком уважении',
      '2 марта 2026 г. — Обновление: Добавлен адресат.',
      'Страница 1 из 1',
    ]) {
      expect(page).toContain(text)
    }
  })

  it('says so when the text shown is the other language’s', async () => {
    const [first] = await pagesOf(await renderPdfEdition(fallbackRu))
    expect(first).toContain('Этот документ ещё не переведён на русский язык')
    expect(first).toContain('Regarding the search for solutions')
    expect(first).toContain('Подписали:')
  })

  it('embeds subsets of the shipped PT Serif fonts and no standard font', async () => {
    const text = raw(await renderPdfEdition(noticeRu))
    const fonts = [...text.matchAll(/\/BaseFont \/([A-Z]{6}\+[\w-]+)/g)].map((m) => m[1]?.split('+')[1])
    expect(new Set(fonts)).toEqual(new Set(['PTSerif-Regular', 'PTSerif-Bold', 'PTSerif-Italic']))
    expect(text.match(/\/FontFile2 /g)).toHaveLength(3)
    expect(text).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/)
  })

  it('gives byte-identical PDFs for the same content, dated from the document and not the clock', async () => {
    const first = await renderPdfEdition(statementEn)
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const second = await renderPdfEdition(structuredClone(statementEn))
    expect(sha256(second)).toBe(sha256(first))
    const { info } = await (await getDocumentProxy(first.slice())).getMetadata()
    // The date line is the creation date, the last change note the modification date.
    expect(info).toMatchObject({
      CreationDate: expect.stringMatching(/^D:20210911090000Z/),
      ModDate: expect.stringMatching(/^D:20210913100000Z/),
      Title: `${statementEn.title} (GC-ST-2021-001)`,
      Language: 'en',
    })

    const changed = await renderPdfEdition({ ...statementEn, title: `${statementEn.title}.` })
    expect(sha256(changed)).not.toBe(sha256(first))
  })

  it('prints the short link to cite, linked, in the edition’s language (docs/adr/0047)', async () => {
    const citeUrl = 'https://press.example.org/ref/GC-NT-2026-002/'
    const pdf = await renderPdfEdition({ ...noticeRu, citeUrl })
    expect((await pagesOf(pdf)).join(' ')).toContain(`Ссылка для цитирования: ${citeUrl}`)
    expect(await linksOf(pdf)).toContain(citeUrl)
    const en = (await pagesOf(await renderPdfEdition({ ...statementEn, citeUrl }))).join(' ')
    expect(en).toContain(`Cite as: ${citeUrl}`)
    expect((await pagesOf(await renderPdfEdition(statementEn))).join(' ')).not.toContain('Cite as')
  })

  it('resolves relative links against the web page, since a PDF is read away from the site', async () => {
    const edition: EditionDocument = {
      ...noticeRu,
      body: [{ type: 'paragraph', inlines: [{ text: 'См. заявление', href: '/ru/statements/founding-statement/' }] }],
    }
    expect(await linksOf(await renderPdfEdition(edition))).toContain(
      'https://press.example.org/ru/statements/founding-statement/',
    )
  })

  it('refuses a document without a reference number or with a bad date, saying why', async () => {
    await expect(renderPdfEdition({ ...noticeRu, referenceNumber: '' })).rejects.toThrow(/no reference number/)
    await expect(renderPdfEdition({ ...noticeRu, date: 'yesterday' })).rejects.toThrow(/"yesterday" is not an ISO date/)
  })
})

describe('editionFromPublication', () => {
  const apiDoc = {
    title: 'Об открытии миссии',
    summary: ' Кратко. ',
    place: 'Москва',
    date: '2026-03-01T09:00:00.000Z',
    referenceNumber: 'GC-NT-2026-002',
    _status: 'published',
    body: {
      root: {
        type: 'root',
        children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Текст уведомления', format: 1 }] }],
      },
    },
    addressees: [{ group: 'Посольства' }, { group: ' ' }],
    formalClosing: 'С уважением',
    signatories: [{ name: 'Not printed on a notice' }],
    changeNotes: [
      { date: '2026-03-02', kind: 'update', note: 'Добавлен адресат' },
      { date: '2026-03-03', kind: 'bogus', note: 'dropped' },
    ],
  }
  const context = {
    locale: 'ru' as const,
    kind: 'notice' as const,
    organizationName: 'Org',
    url: 'https://press.example.org/ru/notices/x/',
  }

  it('maps a publication read from the public API, rich text included', () => {
    const edition = editionFromPublication(apiDoc, context)
    expect(edition).toMatchObject({
      referenceNumber: 'GC-NT-2026-002',
      summary: 'Кратко.',
      addressees: ['Посольства'],
      formalClosing: 'С уважением',
      signatories: undefined,
      changeNotes: [{ date: '2026-03-02', kind: 'update', note: 'Добавлен адресат' }],
      body: [{ type: 'paragraph', inlines: [{ text: 'Текст уведомления', bold: true }] }],
    })
  })

  it('refuses drafts and never-published documents', () => {
    expect(() => editionFromPublication({ ...apiDoc, _status: 'draft' }, context)).toThrow(/draft/)
    expect(() => editionFromPublication({ ...apiDoc, referenceNumber: null }, context)).toThrow(/reference number/)
  })
})
