import { needsProtection } from '@pressroom/shared/csv'
import { parse } from 'csv-parse/sync'
import { createLocalReq, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { isValidEmail } from '../mail/index.ts'
import { importRecipients } from '../notices/recipientsCsv/importRecipients.ts'
import { staffPassword, testDatabase } from '../testing/payload.ts'
import { payloadForFile } from '../testing/payloadForFile.ts'
import { minimalPdf } from './helpers/files.ts'
import { httpClient } from './helpers/http.ts'

const maxBytes = 20_000
const cms = payloadForFile({
  env: { MAX_RECIPIENTS_CSV_BYTES: String(maxBytes) },
  staff: ['admin', 'editor', 'translator'],
})
let payload: Payload
const tokens: Record<'admin' | 'editor' | 'translator', string> = {} as never
const users = cms.staff

beforeAll(async () => {
  payload = cms.payload
  for (const role of ['admin', 'editor', 'translator'] as const) {
    tokens[role] = await httpClient(payload).login(users[role].email, staffPassword)
  }
  await payload.create({ collection: 'distribution-groups', locale: 'en', data: { name: 'Embassies in Moscow' } })
  const media = await payload.create({ collection: 'distribution-groups', locale: 'en', data: { name: 'Media' } })
  await payload.update({ collection: 'distribution-groups', id: media.id, locale: 'ru', data: { name: 'СМИ' } })
})

const count = async () => (await payload.count({ collection: 'recipients' })).totalDocs

function csvForm(text: string | Uint8Array, name = 'recipients.csv') {
  const form = new FormData()
  form.set('file', new Blob([text as BlobPart], { type: 'text/csv' }), name)
  return form
}
const upload = (text: string | Uint8Array, query = '', token = tokens.editor) =>
  httpClient(payload).post(`/recipients/import${query}`, undefined, { token, form: csvForm(text) })

const goodFile = [
  'external_id,kind,name_en,name_ru,role_en,country,emails,preferred_language,preferred_channels,groups,postal_address,active',
  'de-emb,embassy,Embassy of Germany,Посольство Германии,Consular section,de,consular@de.example.org; press@de.example.org,en,email;post,Embassies in Moscow,"Leninsky prospekt 95a,\nMoscow",yes',
  'ru-mfa,ministry,Ministry of Foreign Affairs,МИД России,,RU,mid@example.org,ru,email,Embassies in Moscow; СМИ,,yes',
  ',media-desk,Example Daily,«Пример»,News desk,US,,en,post,Media,"1 Example Plaza, New York",no',
].join('\n')

describe(`recipients directory validation (${testDatabase})`, () => {
  it('refuses a bad country, a bad address, e-mail without an address and a missing English name', async () => {
    const asEditor = { user: users.editor, overrideAccess: false } as const
    const base = { kind: 'embassy', name: 'Embassy of Example', preferredChannels: ['post'] }
    const problems = (data: Record<string, unknown>) =>
      payload.create({ collection: 'recipients', ...asEditor, data: data as never }).then(
        () => [] as string[],
        (error: { data?: { errors?: { message: string }[] } }) => (error.data?.errors ?? []).map((e) => e.message),
      )
    expect(await problems({ ...base, country: 'XX' })).toEqual([
      '"XX" is not an ISO 3166 two-letter country code (e.g. DE, RU, US).',
    ])
    expect(await problems({ ...base, country: 'Germany' })).toHaveLength(1)
    expect(await problems({ ...base, emails: [{ address: 'not an address' }] })).toEqual([
      '"not an address" is not an e-mail address (expected name@example.org).',
    ])
    // The same rule as for subscribers: a doubled dot is refused in both places.
    expect(await problems({ ...base, emails: [{ address: 'press..office@example.org' }] })).toEqual([
      '"press..office@example.org" is not an e-mail address (expected name@example.org).',
    ])
    expect(isValidEmail('press..office@example.org')).toBe(false)
    expect((await problems({ ...base, preferredChannels: ['email'] }))[0]).toMatch(/no e-mail address is given/)
    expect(await problems({ kind: 'embassy', preferredChannels: ['post'] })).toEqual(['The English name is required.'])
    const ok = await payload.create({
      collection: 'recipients',
      ...asEditor,
      data: { ...base, country: ' fr ', emails: [{ address: 'x@fr.example.org' }] } as never,
    })
    expect(ok.country).toBe('FR')
    await payload.delete({ collection: 'recipients', id: ok.id })
  })
})

describe(`recipients CSV import and export (${testDatabase})`, () => {
  it('imports a good file, with both languages, lists, groups by either language, multi-line cells', async () => {
    const res = await upload(goodFile)
    expect(res.status, res.text).toBe(200)
    expect(res.json).toMatchObject({ ok: true, created: 3, updated: 0, unchanged: 0, problems: [] })
    const found = await payload.find({
      collection: 'recipients',
      locale: 'all',
      where: { externalId: { equals: 'de-emb' } },
      depth: 1,
    })
    const germany = found.docs[0] as any
    expect(germany.name).toEqual({ en: 'Embassy of Germany', ru: 'Посольство Германии' })
    expect(germany.country).toBe('DE')
    expect(germany.emails.map((e: { address: string }) => e.address)).toEqual([
      'consular@de.example.org',
      'press@de.example.org',
    ])
    expect(germany.preferredChannels).toEqual(['email', 'post'])
    expect(germany.postalAddress).toBe('Leninsky prospekt 95a,\nMoscow')
    expect(germany.groups.map((g: any) => g.name.en)).toEqual(['Embassies in Moscow'])
    const mfa = (
      await payload.find({ collection: 'recipients', where: { externalId: { equals: 'ru-mfa' } }, depth: 1 })
    ).docs[0]!
    expect(mfa.preferredLanguage).toBe('ru')
    expect((mfa.groups as any[]).map((g) => g.name).sort()).toEqual(['Embassies in Moscow', 'Media'])
    const daily = (await payload.find({ collection: 'recipients', where: { name: { equals: 'Example Daily' } } }))
      .docs[0]!
    expect(daily.active).toBe(false)
  })

  it('importing the same file again changes nothing', async () => {
    const before = await count()
    const res = await upload(goodFile)
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ created: 0, updated: 0, unchanged: 3 })
    expect(await count()).toBe(before)
  })

  it('a file with bad rows imports nothing and reports every bad row', async () => {
    const before = await count()
    const file = [
      'kind,name_en,country,emails,preferred_language,preferred_channels,groups,active',
      'embassy,Embassy of Austria,AT,vienna@example.org,en,email,Embassies in Moscow,yes',
      'castle,Embassy of Nowhere,AT,,en,post,,yes',
      'embassy,Embassy of Spain,Spain,madrid(at)example.org,es,email,,maybe',
      'committee,Foreign Affairs Committee,US,,en,pigeon,Committees,yes',
      'embassy,Embassy of Austria (copy),AT,vienna@example.org,en,email,,yes',
      'embassy,Short row',
      'ministry,,RU,mid2@example.org,ru,email,,yes',
      'embassy,Embassy of Italy,IT,rome@example.org,en,email,,yes',
    ].join('\n')
    const res = await upload(file)
    expect(res.status).toBe(400)
    expect(res.json.ok).toBe(false)
    expect(res.json.message).toMatch(/Nothing was imported/)
    const problems = res.json.problems.map((p: any) => `${p.row}:${p.column ?? '-'}`)
    expect(problems).toEqual([
      '3:kind',
      '4:country',
      '4:emails',
      '4:preferred_language',
      '4:active',
      '5:preferred_channels',
      '5:groups',
      '6:-',
      '7:-',
      '8:name_en',
    ])
    expect(res.json.problems.find((p: any) => p.row === 6).message).toMatch(/same recipient as row 2/)
    expect(await count()).toBe(before)
    const austria = await payload.find({ collection: 'recipients', where: { name: { equals: 'Embassy of Austria' } } })
    expect(austria.totalDocs).toBe(0)
  })

  it('reads semicolon-separated files from spreadsheets and checks without writing on a dry run', async () => {
    const before = await count()
    const file =
      '\uFEFFkind;name_en;name_ru;country;emails\r\nembassy;Embassy of Finland;Посольство Финляндии;FI;fi@example.org\r\n'
    const checked = await upload(file, '?dryRun=true')
    expect(checked.status).toBe(200)
    expect(checked.json).toMatchObject({ ok: true, dryRun: true, created: 1 })
    expect(await count()).toBe(before)
    const imported = await upload(file)
    expect(imported.json).toMatchObject({ created: 1 })
    expect(await count()).toBe(before + 1)
  })

  it('export and re-import round-trip without changes; an edited cell updates one recipient', async () => {
    const exported = await httpClient(payload).get('/recipients/export', { token: tokens.editor })
    expect(exported.status).toBe(200)
    // (The byte-order mark is taken off by the response's text decoding.)
    expect(exported.text.startsWith('id,external_id,kind,name_en,name_ru')).toBe(true)
    expect(exported.text).toContain('Посольство Германии')
    const total = await count()
    const again = await upload(exported.text)
    expect(again.status, again.text).toBe(200)
    expect(again.json).toMatchObject({ created: 0, updated: 0, unchanged: total })

    const edited = exported.text.replace('Consular section', 'Political section')
    const update = await upload(edited)
    expect(update.json).toMatchObject({ created: 0, updated: 1, unchanged: total - 1 })
    const germany = await payload.find({ collection: 'recipients', where: { externalId: { equals: 'de-emb' } } })
    expect(germany.docs[0]?.role).toBe('Political section')
  })

  it('exports cells a spreadsheet would run with an apostrophe, in every column, and imports them back unchanged', async () => {
    const hostile = await payload.create({
      collection: 'recipients',
      locale: 'en',
      data: {
        kind: 'embassy',
        name: '=HYPERLINK("http://evil.example","Embassy")',
        role: '@SUM(1+1)',
        externalId: '-evil',
        postalAddress: ' "+street',
        notes: '\t=cmd',
        preferredChannels: ['post'],
      } as never,
    })
    await payload.update({ collection: 'recipients', id: hostile.id, locale: 'ru', data: { name: '＝Посольство' } })
    try {
      const exported = await httpClient(payload).get('/recipients/export', { token: tokens.editor })
      const rows: string[][] = parse(exported.text, { bom: true })
      const header = rows[0] as string[]
      for (const row of rows) {
        for (const cell of row) expect(!needsProtection(cell) || cell.startsWith("'"), JSON.stringify(cell)).toBe(true)
      }
      const row = rows.find((r) => r[header.indexOf('id')] === String(hostile.id)) as string[]
      const cell = (column: string) => row[header.indexOf(column)]
      expect(cell('name_en')).toBe(`'=HYPERLINK("http://evil.example","Embassy")`)
      expect(cell('name_ru')).toBe("'＝Посольство")
      expect(cell('role_en')).toBe("'@SUM(1+1)")
      expect(cell('external_id')).toBe("'-evil")
      expect(cell('postal_address')).toBe(`' "+street`)
      expect(cell('notes')).toBe("'\t=cmd")
      const again = await upload(exported.text)
      expect(again.status, again.text).toBe(200)
      expect(again.json).toMatchObject({ created: 0, updated: 0, unchanged: await count() })
    } finally {
      await payload.delete({ collection: 'recipients', id: hostile.id })
    }
  })

  it('a write that fails midway leaves the directory as it was', async () => {
    const before = await payload.find({
      collection: 'recipients',
      locale: 'all',
      pagination: false,
      sort: 'id',
      depth: 0,
    })
    const hooks = payload.collections.recipients.config.hooks
    const failOn = (({ data }: { data: { name?: string } }) => {
      if (data.name === 'Breaks the write') throw new Error('simulated storage failure')
      return data
    }) as never
    hooks.beforeChange.push(failOn)
    try {
      const file = [
        'external_id,kind,name_en,role_en',
        'de-emb,embassy,Embassy of Germany,Changed before the failure',
        'new-1,embassy,Embassy of Norway,',
        'new-2,embassy,Breaks the write,',
      ].join('\n')
      const { t } = (await createLocalReq({}, payload)).i18n
      await expect(importRecipients(payload, file, { t, user: users.editor })).rejects.toThrow(
        /simulated storage failure/,
      )
    } finally {
      hooks.beforeChange.splice(hooks.beforeChange.indexOf(failOn), 1)
    }
    const after = await payload.find({
      collection: 'recipients',
      locale: 'all',
      pagination: false,
      sort: 'id',
      depth: 0,
    })
    // Restoring gives the e-mail list rows new internal IDs; the addresses are what matter.
    const comparable = (docs: typeof before.docs) =>
      docs.map(({ updatedAt: _u, emails, ...rest }) => ({ ...rest, emails: emails?.map((e) => e.address) }))
    expect(comparable(after.docs)).toEqual(comparable(before.docs))
  })

  it('refuses oversize, non-UTF-8, empty and header-less files with a clear message', async () => {
    const big = `kind,name_en,notes\n${'embassy,Big,'.padEnd(200, 'x')}\n`.repeat(Math.ceil((maxBytes * 1.5) / 200))
    const tooBig = await upload(big)
    expect(tooBig.status).toBe(413)
    expect(tooBig.json.errors[0].message).toMatch(/larger than/)

    const latin1 = new Uint8Array([...Buffer.from('kind,name_en\nembassy,Caf'), 0xe9, 0x0a])
    const notUtf8 = await upload(latin1)
    expect(notUtf8.status).toBe(400)
    expect(notUtf8.json.errors[0].message).toMatch(/UTF-8/)

    const empty = await upload('')
    expect(empty.status).toBe(400)

    const wrongHeader = await upload('kind,name,emial\nembassy,X,x@example.org\n')
    expect(wrongHeader.status).toBe(400)
    expect(wrongHeader.json.problems.map((p: any) => p.message).join(' ')).toMatch(
      /Unknown column "name".*Unknown column "emial".*Required column "name_en" is missing/,
    )

    const unclosed = await upload('kind,name_en\nembassy,"Unclosed\n')
    expect(unclosed.status).toBe(400)
    expect(unclosed.json.message).toMatch(/not readable CSV/)
  })
})

describe(`recipients' data never reaches the public or translators (${testDatabase})`, () => {
  const collections = [
    ['recipients', 'Recipients'],
    ['distribution-groups', 'DistributionGroups'],
    ['dispatches', 'Dispatches'],
    ['dispatch-recipients', 'DispatchRecipients'],
    ['dispatch-manual-records', 'DispatchManualRecords'],
    ['dispatch-proofs', 'DispatchProofs'],
  ] as const
  let proofFilename: string

  beforeAll(async () => {
    const proof = await payload.create({
      collection: 'dispatch-proofs',
      file: { data: minimalPdf(), name: 'post-receipt.pdf', mimetype: 'application/pdf', size: minimalPdf().length },
      data: {},
    })
    proofFilename = proof.filename!
  })

  it('REST: anonymous and translators are refused; editors read', async () => {
    const http = httpClient(payload)
    for (const [slug] of collections) {
      expect((await http.get(`/${slug}`)).status, `anonymous ${slug}`).toBe(403)
      expect((await http.get(`/${slug}`, { token: tokens.translator })).status, `translator ${slug}`).toBe(403)
      expect((await http.get(`/${slug}`, { token: tokens.editor })).status, `editor ${slug}`).toBe(200)
    }
    const someone = (await payload.find({ collection: 'recipients', limit: 1 })).docs[0]!
    expect((await http.get(`/recipients/${someone.id}`)).status).toBe(403)
    expect(
      (
        await http.post(
          '/recipients',
          { kind: 'other', name: 'Sneaky', preferredChannels: ['post'] },
          { token: tokens.translator },
        )
      ).status,
    ).toBe(403)
    expect(
      (await http.post('/recipients', { kind: 'other', name: 'Sneaky', preferredChannels: ['post'] })).status,
    ).toBe(403)
  })

  it('GraphQL: anonymous and translators get errors and no data', async () => {
    const http = httpClient(payload)
    for (const [, name] of collections) {
      for (const token of [undefined, tokens.translator]) {
        const res = await http.graphql(`{ ${name} { docs { id } } }`, { token })
        expect(res.json.errors?.[0]?.message, name).toMatch(/not allowed/i)
        expect(res.json.data?.[name] ?? null).toBeNull()
      }
    }
    const editor = await http.graphql('{ Recipients { docs { id } } }', { token: tokens.editor })
    expect(editor.json.data.Recipients.docs.length).toBeGreaterThan(0)
  })

  it('proof files are served to editors only', async () => {
    const http = httpClient(payload)
    expect((await http.get(`/dispatch-proofs/file/${proofFilename}`)).status).toBe(403)
    expect((await http.get(`/dispatch-proofs/file/${proofFilename}`, { token: tokens.translator })).status).toBe(403)
    const editor = await http.get(`/dispatch-proofs/file/${proofFilename}`, { token: tokens.editor })
    expect(editor.status).toBe(200)
    expect(editor.text.startsWith('%PDF-')).toBe(true)
  })

  it('the import, export and log endpoints need an admin or editor', async () => {
    const http = httpClient(payload)
    for (const path of ['/recipients/export', '/dispatch-recipients/export?format=csv&notice=1']) {
      expect((await http.get(path)).status, path).toBe(401)
      expect((await http.get(path, { token: tokens.translator })).status, path).toBe(403)
    }
    expect((await http.get('/recipients/export', { token: tokens.admin })).status).toBe(200)
    const before = await count()
    expect((await upload(goodFile, '', '')).status).toBe(401)
    expect((await upload(goodFile.replace(/Germany/g, 'Atlantis'), '', tokens.translator)).status).toBe(403)
    expect(await count()).toBe(before)
    expect((await http.post('/dispatches/1/plan', undefined, { token: tokens.translator })).status).toBe(403)
    expect((await http.post('/dispatch-recipients/1/resend', { reason: 'x' })).status).toBe(401)
  })
})
