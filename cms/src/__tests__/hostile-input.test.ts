import { request as httpRequest } from 'node:http'
import fc from 'fast-check'
import { APIError, type Payload, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { capAnonymousQueries } from '../hooks/capAnonymousQueries.ts'
import { anonymousQueryLimits } from '../http/anonymousQueryLimits.ts'
import {
  apiBytes,
  bodyLimitFor,
  graphqlBytes,
  publicFormBytes,
  uploadCollections,
  webhookBytes,
} from '../http/bodyLimits.ts'
import { maxQueryDepth } from '../http/graphqlLimits.ts'
import { maxUploadBytes } from '../http/uploadLimit.ts'
import { acknowledgementHandlers } from '../notices/acknowledgement/handlers.ts'
import { requestSubscription } from '../subscriptions/requestSubscription.ts'
import { signToken, type TokenPurpose } from '../subscriptions/tokens.ts'
import { createStaff, type StartedPayload, staffPassword, startPayload } from '../testing/payload.ts'
import { type ServedRest, serveRest } from '../testing/serveRest.ts'
import { appDispatcher, appRoutes } from './helpers/appRouter.ts'
import { databaseFingerprint } from './helpers/dbFingerprint.ts'
import { createDispatchAs, dispatchLog } from './helpers/dispatches.ts'
import { encodeQuery, hostileBody, hostileText, hostileValue, listQuery } from './helpers/hostileInput.ts'
import { signedWebhookRequest } from './helpers/resendWebhook.ts'

/**
 * Every public door of the CMS, fuzzed (issue 13): the subscription endpoints, the
 * acknowledgement page, the Resend webhook, REST lists, documents and writes on every collection,
 * and GraphQL, through the app's own route handlers behind the same body caps as its server.
 * Whatever arrives, the answer is never a 5xx, and a refused request writes nothing. FUZZ_RUNS
 * sets the runs per door (default 25), FUZZ_SEED replays a failure.
 */
const runs = Number(process.env.FUZZ_RUNS || 25)
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined
const webhookSecret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'

let started: StartedPayload
let payload: Payload
let served: ServedRest
let fingerprint: () => Promise<string>
let editorToken: string
let acknowledgementToken: string
let graphqlRoots: { name: string; fields: string[] }[]

type Sent = { method: string; path: string; headers?: Record<string, string>; body?: string | Uint8Array }
type Answer = { status: number; text: string }

async function send(request: Sent): Promise<Answer> {
  const hasBody = request.body !== undefined && !['GET', 'HEAD'].includes(request.method)
  const response = await fetch(`${served.url}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: hasBody ? (request.body as BodyInit) : undefined,
    redirect: 'manual',
  })
  return { status: response.status, text: await response.text() }
}

const shown = (request: Sent) =>
  `${request.method} ${request.path} ${JSON.stringify(request.headers ?? {})} ${String(request.body ?? '').slice(0, 300)}`

/** The database's fingerprint after the last probe; forgotten whenever the test itself writes. */
let lastFingerprint: string | undefined

/** Sends one request: never a 5xx, and nothing written when it is refused. */
async function probe(request: Sent): Promise<Answer> {
  const before = lastFingerprint ?? (await fingerprint())
  const answer = await send(request)
  lastFingerprint = await fingerprint()
  expect(answer.status, `${shown(request)}\n→ ${answer.text.slice(0, 500)}`).toBeLessThan(500)
  if (answer.status >= 400) expect(lastFingerprint, `a refused request wrote: ${shown(request)}`).toBe(before)
  return answer
}

const check = <T>(property: fc.IAsyncPropertyWithHooks<[T]>) =>
  fc.assert(property, { numRuns: runs, seed, endOnFailure: true })

beforeAll(async () => {
  started = await startPayload({
    // The subscribe limit is tested elsewhere (rate-limits.test.ts); here it would only hide the handler.
    env: { SUBSCRIBE_RATE_LIMIT: '1000000/60', RESEND_WEBHOOK_SECRET: webhookSecret },
  })
  payload = started.payload
  const editor = await createStaff(payload, 'editor')
  const topic = await payload.create({ collection: 'topics', data: { title: 'Prisoners', slug: 'prisoners' } })
  const statement = await payload.create({
    collection: 'statements',
    locale: 'en',
    data: { title: 'A statement', topics: [topic.id], _status: 'published' } as never,
  })
  await payload.create({
    collection: 'press-kits',
    data: {
      title: 'A kit',
      publications: [{ relationTo: 'statements', value: statement.id }],
      _status: 'published',
    } as never,
  })
  const notice = await payload.create({
    collection: 'notices',
    locale: 'en',
    data: { title: 'A notice', _status: 'published' } as never,
  })
  const recipient = await payload.create({
    collection: 'recipients',
    locale: 'en',
    data: { kind: 'embassy', name: 'Embassy', country: 'DE', emails: [{ address: 'embassy@example.org' }] } as never,
  })
  served = await serveRest(payload, {}, appDispatcher(await appRoutes()))
  fingerprint = await databaseFingerprint(payload, ['rate_limits'])
  const login = await send({
    method: 'POST',
    path: '/api/users/login',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: editor.email, password: staffPassword }),
  })
  editorToken = JSON.parse(login.text).token
  const dispatch = await createDispatchAs(payload, editor, { notice: notice.id, recipients: [recipient.id] })
  const counts = await send({
    method: 'GET',
    path: `/api/dispatches/${dispatch.id}/recipient-counts`,
    headers: { authorization: `JWT ${editorToken}` },
  })
  const planned = await send({
    method: 'POST',
    path: `/api/dispatches/${dispatch.id}/plan`,
    headers: { authorization: `JWT ${editorToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ confirmation: JSON.parse(counts.text).confirmation }),
  })
  if (planned.status !== 200) throw new Error(`Planning the dispatch failed: ${planned.status} ${planned.text}`)
  const [row] = await dispatchLog(payload, dispatch.id, 'id')
  acknowledgementToken = new URL(row!.acknowledgementLink!).pathname.split('/').pop()!
  graphqlRoots = await graphqlRootFields()
})

afterAll(async () => {
  await served?.close()
  await started?.stop()
})

/** A subscriber waiting for confirmation, created anew once the fuzz has erased the last one. */
let subscriber: { id: number; tokenVersion: number; endReason?: string | null } | undefined
async function liveSubscriber() {
  if (subscriber) {
    subscriber = await payload.findByID({ collection: 'subscribers', id: subscriber.id, depth: 0 })
    if (subscriber.endReason !== 'erased') return subscriber
  }
  const email = `reader-${Date.now()}-${Math.random().toString(36).slice(2)}@example.org`
  lastFingerprint = undefined
  await requestSubscription(payload, { email, locale: 'en', languages: ['en'], kinds: [], topics: [] })
  const found = await payload.find({ collection: 'subscribers', where: { email: { equals: email } }, depth: 0 })
  subscriber = found.docs[0]!
  return subscriber
}

type TokenSpec = { kind: 'genuine' | 'other purpose' | 'altered' } | { kind: 'made up'; text: string }

/** A token for a link: genuine, for another purpose, altered, or made up. */
const linkToken: fc.Arbitrary<TokenSpec> = fc.oneof(
  fc.constantFrom('genuine', 'other purpose', 'altered').map((kind) => ({ kind })),
  hostileText.map((text) => ({ kind: 'made up' as const, text })),
)

async function tokenFor(spec: TokenSpec, purpose: TokenPurpose): Promise<string> {
  if (spec.kind === 'made up') return spec.text
  const live = await liveSubscriber()
  const asked = spec.kind === 'other purpose' ? (purpose === 'manage' ? 'unsubscribe' : 'manage') : purpose
  const token = signToken({
    purpose: asked,
    subscriber: live.id,
    version: live.tokenVersion,
    expires: Date.now() + 3600_000,
  })
  return spec.kind === 'altered' ? `${token.slice(0, -2)}${token.endsWith('A') ? 'B' : 'A'}` : token
}

const acceptHeader = fc.constantFrom('application/json', 'text/html', '*/*', 'application/xml')
const formFields = fc.dictionary(
  fc.oneof(
    fc.constantFrom('email', 'languages', 'kinds', 'topics', 'locale', 'website', 'token', 'confirm'),
    hostileText,
  ),
  hostileValue,
  { maxKeys: 6 },
)

describe('the public doors, fuzzed', () => {
  it('subscribe answers every request without a server error and writes nothing it refuses', async () => {
    const email = fc.oneof(fc.emailAddress(), hostileText)
    const fields = fc.record(
      {
        email: fc.oneof(email, fc.array(email, { maxLength: 2 })),
        languages: fc.oneof(fc.subarray(['en', 'ru', 'de', '']), hostileValue),
        kinds: fc.oneof(fc.subarray(['statement', 'notice', 'press-release', 'x']), hostileValue),
        topics: fc.oneof(fc.subarray(['prisoners', 'unknown']), hostileValue),
        locale: fc.oneof(fc.constantFrom('en', 'ru'), hostileValue),
        website: fc.oneof(fc.constant(''), hostileText),
      },
      { requiredKeys: [] },
    )
    await check(
      fc.asyncProperty(
        fc.record({
          method: fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'OPTIONS'),
          body: hostileBody(fields),
          accept: acceptHeader,
          locale: hostileText,
        }),
        async ({ method, body, accept, locale }) => {
          await probe({
            method,
            path: `/subscriptions/subscribe?${encodeQuery({ locale })}`,
            headers: { accept, ...(body.type ? { 'content-type': body.type } : {}) },
            body: body.body,
          })
        },
      ),
    )
  })

  it('confirm, preferences, unsubscribe, export and erase do too, whatever the token and form', async () => {
    const doors = fc.constantFrom(
      ['confirm', 'confirm', ['GET', 'POST']],
      ['preferences', 'manage', ['GET', 'POST']],
      ['unsubscribe', 'unsubscribe', ['GET', 'POST']],
      ['export', 'manage', ['POST']],
      ['erase', 'manage', ['POST']],
    ) as fc.Arbitrary<[string, TokenPurpose, string[]]>
    await check(
      fc.asyncProperty(
        fc.record({
          door: doors,
          method: fc.constantFrom('GET', 'POST', 'POST', 'DELETE'),
          token: linkToken,
          where: fc.constantFrom('query', 'form', 'both'),
          body: hostileBody(formFields),
          accept: acceptHeader,
        }),
        async ({ door: [name, purpose], method, token, where, body, accept }) => {
          const value = await tokenFor(token, purpose)
          const query = where === 'form' ? '' : `?${encodeQuery({ token: value, locale: 'ru' })}`
          const form = where === 'query' ? body.body : `token=${encodeURIComponent(value)}&${String(body.body ?? '')}`
          await probe({
            method,
            path: `/subscriptions/${name}${query}`,
            headers: { accept, ...(body.type ? { 'content-type': body.type } : {}) },
            body: form,
          })
        },
      ),
    )
  })

  it('the acknowledgement page records nothing but a genuine link’s button', async () => {
    await check(
      fc.asyncProperty(
        fc.record({
          method: fc.constantFrom('GET', 'POST', 'POST', 'PUT'),
          token: fc.oneof(
            fc.constant(acknowledgementToken),
            fc.constant(`${acknowledgementToken.slice(0, -1)}A`),
            fc.stringMatching(/^\d{1,17}\.[A-Za-z0-9_-]{40,45}$/),
            hostileText,
          ),
          body: hostileBody(
            fc.record({ confirm: fc.oneof(fc.constantFrom('yes', 'no'), hostileValue) }, { requiredKeys: [] }),
          ),
        }),
        async ({ method, token, body }) => {
          await probe({
            method,
            path: `/acknowledge/${encodeURIComponent(token)}`,
            headers: body.type ? { 'content-type': body.type } : {},
            body: body.body,
          })
        },
      ),
    )
  })

  it('the Resend webhook refuses what is not signed, and survives what is', async () => {
    const event = fc.oneof(
      fc.record(
        {
          type: fc.oneof(
            fc.constantFrom('email.delivered', 'email.bounced', 'email.complained', 'email.sent'),
            hostileValue,
          ),
          created_at: hostileValue,
          data: fc.oneof(
            fc.record(
              {
                email_id: hostileValue,
                to: hostileValue,
                bounce: fc.oneof(
                  fc.record({ type: fc.constantFrom('Permanent', 'Transient'), message: hostileValue }),
                  hostileValue,
                ),
              },
              { requiredKeys: [] },
            ),
            hostileValue,
          ),
        },
        { requiredKeys: [] },
      ),
      hostileValue,
    )
    await check(
      fc.asyncProperty(
        fc.record({ event, signed: fc.boolean(), body: hostileBody(fc.dictionary(hostileText, hostileValue)) }),
        async ({ event, signed, body }) => {
          if (signed) {
            const request = signedWebhookRequest(event, webhookSecret)
            await probe({
              method: 'POST',
              path: '/mail/webhooks/resend',
              headers: Object.fromEntries(request.headers),
              body: await request.text(),
            })
          } else {
            await probe({
              method: 'POST',
              path: '/mail/webhooks/resend',
              headers: {
                ...(body.type ? { 'content-type': body.type } : {}),
                'svix-id': 'msg_1',
                'svix-timestamp': String(Math.floor(Date.now() / 1000)),
                'svix-signature': 'v1,AAAA',
              },
              body: body.body,
            })
          }
        },
      ),
    )
  })

  it('REST lists, documents and versions of every collection answer every query without a server error', async () => {
    const collections = payload.config.collections.map((c) => ({
      slug: c.slug,
      fields: c.flattenedFields.map((f) => f.name).filter(Boolean),
    }))
    const request = fc.oneof(
      ...collections.map(({ slug, fields }) =>
        fc.record({
          slug: fc.constant(slug),
          tail: fc.oneof(
            { weight: 4, arbitrary: fc.constant('') },
            fc.constantFrom('/versions', '/count', '/1', '/999999'),
            hostileText.map((t) => `/${encodeURIComponent(t)}`),
          ),
          query: listQuery(fields.length ? fields : ['id']),
          staff: fc.boolean(),
        }),
      ),
    )
    await check(
      fc.asyncProperty(request, async ({ slug, tail, query, staff }) => {
        await probe({
          method: 'GET',
          path: `/api/${slug}${tail}?${encodeQuery(query)}`,
          headers: staff ? { authorization: `JWT ${editorToken}` } : {},
        })
      }),
    )
  })

  it('anonymous writes through REST are refused and write nothing', async () => {
    const slugs = [
      ...payload.config.collections.map((c) => c.slug),
      ...payload.config.globals.map((g) => `globals/${g.slug}`),
    ]
    await check(
      fc.asyncProperty(
        fc.record({
          slug: fc.constantFrom(...slugs),
          method: fc.constantFrom('POST', 'PATCH', 'PUT', 'DELETE'),
          tail: fc.constantFrom('', '/1', '/999999', '/abc'),
          query: fc.oneof(fc.constant({}), listQuery(['title', 'id'])),
          body: hostileBody(
            fc.dictionary(
              fc.oneof(fc.constantFrom('title', '_status', 'email', 'role', 'password'), hostileText),
              hostileValue,
            ),
          ),
        }),
        async ({ slug, method, tail, query, body }) => {
          const answer = await probe({
            method,
            path: `/api/${slug}${tail}?${encodeQuery(query)}`,
            headers: body.type ? { 'content-type': body.type } : {},
            body: body.body,
          })
          expect(answer.status).toBeGreaterThanOrEqual(400)
        },
      ),
    )
  })

  it('GraphQL answers every query without an internal error', async () => {
    const argument = fc.oneof(
      fc.constantFrom(
        'limit',
        'page',
        'locale',
        'fallbackLocale',
        'draft',
        'pagination',
        'sort',
        'id',
        'where',
        'trash',
      ),
      hostileText.filter((t) => /^[A-Za-z_]\w*$/.test(t)),
    )
    const literal = fc.oneof(
      fc.integer({ min: -10, max: 100_000 }).map(String),
      fc.constantFrom(
        'true',
        'false',
        'null',
        'en',
        'ru',
        'all',
        '"x"',
        '"1e309"',
        '{}',
        '[1, "a"]',
        '{ title: { equals: "x" } }',
        '{ id: { in: ["a"] } }',
        '{ createdAt: { greater_than: "not a date" } }',
        '{ or: [{ title: { like: "%" } }] }',
      ),
      hostileText.map((t) => JSON.stringify(t)),
    )
    const query = fc.oneof(
      {
        weight: 6,
        arbitrary: fc
          .record({
            root: fc.constantFrom(...graphqlRoots),
            args: fc.array(fc.tuple(argument, literal), { maxLength: 4 }),
            pick: fc.array(fc.nat(), { maxLength: 4 }),
          })
          .map(({ root, args, pick }) => {
            const fields = pick.map((i) => root.fields[i % Math.max(root.fields.length, 1)]).filter(Boolean)
            const list = args.length ? `(${[...new Map(args).entries()].map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''
            return `{ ${root.name}${list} { __typename ${fields.join(' ')} } }`
          }),
      },
      fc.constantFrom(
        '{ __schema { types { name } } }',
        'mutation { createStatement(data: { title: "x" }) { id } }',
        'mutation { deleteStatement(id: 1) { id } }',
        'query Q { ...F } fragment F on Query { ...F }',
        `{ ${'a { '.repeat(40)}b${' }'.repeat(40)} }`,
      ),
      hostileText,
    )
    // Payload 3.90's resolver for a global's docAccess read its request from the wrong argument and
    // answered 500 (patched in patches/@payloadcms__graphql@3.90.2.patch): asked on every run, not
    // only when the fuzzer happens to draw it.
    const docAccess = await probe({
      method: 'POST',
      path: '/api/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ docAccessSiteSetting { __typename } }' }),
    })
    expect(docAccess.status, docAccess.text).toBeLessThan(500)
    expect(JSON.parse(docAccess.text).errors ?? []).toEqual([])
    await check(
      fc.asyncProperty(
        fc.record({
          query,
          variables: fc.option(hostileValue),
          body: fc.option(
            hostileBody(fc.dictionary(fc.constantFrom('query', 'variables', 'operationName'), hostileValue)),
            {
              freq: 4,
            },
          ),
        }),
        async ({ query, variables, body }) => {
          const answer = await probe({
            method: 'POST',
            path: '/api/graphql',
            headers: { 'content-type': body?.type ?? 'application/json' },
            body: body?.body ?? JSON.stringify({ query, variables }),
          })
          let errors: { message?: string; extensions?: { statusCode?: number } }[] = []
          try {
            errors = JSON.parse(answer.text).errors ?? []
          } catch {}
          for (const error of errors) {
            expect(error.extensions?.statusCode ?? 0, `${query} → ${error.message}`).toBeLessThan(500)
          }
        },
      ),
    )
  })
})

/** The root queries and the scalar fields of what they answer, read by introspection (allowed outside production). */
async function graphqlRootFields(): Promise<{ name: string; fields: string[] }[]> {
  const answer = await send({
    method: 'POST',
    path: '/api/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        '{ __schema { queryType { fields { name type { name kind ofType { name } } } } types { name fields { name type { kind ofType { kind } } } } } }',
    }),
  })
  const schema = JSON.parse(answer.text).data.__schema as {
    queryType: { fields: { name: string; type: { name: string | null; ofType: { name: string } | null } }[] }
    types: {
      name: string
      fields: { name: string; type: { kind: string; ofType: { kind: string } | null } }[] | null
    }[]
  }
  const types = new Map(schema.types.map((t) => [t.name, t]))
  return schema.queryType.fields.map((field) => {
    const typeName = field.type.name ?? field.type.ofType?.name ?? ''
    const scalars = (types.get(typeName)?.fields ?? [])
      .filter((f) => f.type.kind === 'SCALAR' || f.type.ofType?.kind === 'SCALAR')
      .map((f) => f.name)
    return { name: field.name, fields: scalars }
  })
}

/** A request that declares a body of `length` bytes and sends none: the cap must answer from the header alone. */
function declareBody(
  path: string,
  length: number,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${served.url}${path}`,
      { method: 'POST', headers: { 'content-length': String(length), ...headers } },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString() || 'null') }),
        )
      },
    )
    request.on('error', reject)
    request.flushHeaders()
  })
}

describe('request body caps, before anything reads the body', () => {
  it('refuses a body over its route family’s cap from its declared length, in the reader’s language', async () => {
    const cases: [string, number, Record<string, string>][] = [
      ['/subscriptions/subscribe', publicFormBytes + 1, { 'content-type': 'application/x-www-form-urlencoded' }],
      ['/acknowledge/1.abc', publicFormBytes + 1, {}],
      ['/mail/webhooks/resend', webhookBytes + 1, { 'content-type': 'application/json' }],
      ['/api/graphql', graphqlBytes + 1, { 'content-type': 'application/json' }],
      ['/api/statements', apiBytes() + 1, { 'content-type': 'application/json' }],
      // An upload collection takes a large multipart form, but not a large JSON body.
      ['/api/media', apiBytes() + 1, { 'content-type': 'application/json' }],
      ['/api/media', maxUploadBytes() + 1024 * 1024 + 1, { 'content-type': 'multipart/form-data; boundary=x' }],
    ]
    for (const [path, length, headers] of cases) {
      const answer = await declareBody(path, length, headers)
      expect(answer.status, path).toBe(413)
      expect(answer.json.errors[0].message, path).toMatch(/^The request body is .*; this address .* takes at most/)
    }
    const russian = await declareBody('/subscriptions/subscribe', publicFormBytes + 1, { 'accept-language': 'ru' })
    expect(russian.json.errors[0].message).toMatch(/^Тело запроса/)
  })

  it('lets a body within its cap through, a large upload included', async () => {
    process.env.MAX_REQUEST_BYTES = '4096'
    try {
      const json = await send({
        method: 'POST',
        path: '/api/statements',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'x'.repeat(5000) }),
      })
      expect(json.status).toBe(413)
      // Past the cap Payload itself reads the upload (and finds no image in it).
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(8000)]), 'photo.jpg')
      const upload = await fetch(`${served.url}/api/media`, { method: 'POST', body: form })
      expect(upload.status).toBe(400)
      expect((await upload.json()).errors[0].message).toMatch(/"photo.jpg" is not a readable image/)
    } finally {
      delete process.env.MAX_REQUEST_BYTES
    }
  })

  it('refuses a body of undeclared length (chunked) with 411', async () => {
    const response = await fetch(`${served.url}/api/statements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob(['{}']).stream(),
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(411)
    expect((await response.json()).errors[0].message).toMatch(/Content-Length/)
  })

  it('gives every upload collection the upload cap, and only those, as Payload’s own form cap', () => {
    const uploads = payload.config.collections.filter((c) => c.upload).map((c) => c.slug)
    expect([...uploadCollections].sort()).toEqual(uploads.sort())
    // Payload's own cap on a whole multipart form is the server's: neither refuses what the other lets through.
    expect(payload.config.upload.requestSizeLimit).toBe(bodyLimitFor('/api/media', 'multipart/form-data').maxBytes)
    expect(payload.config.upload.requestSizeLimit).toBeGreaterThan(maxUploadBytes())
  })

  it('the acknowledgement page reads at most a small form itself (under `next start` too)', async () => {
    const acknowledgedAt = async () =>
      (await payload.find({ collection: 'dispatch-recipients', depth: 0, limit: 1 })).docs[0]?.acknowledgedAt ?? null
    const before = await acknowledgedAt()
    const response = await acknowledgementHandlers(async () => payload).POST(
      new Request(`https://cms.example.org/acknowledge/${acknowledgementToken}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `confirm=yes&pad=${'x'.repeat(publicFormBytes)}`,
      }),
      { params: Promise.resolve({ token: acknowledgementToken }) },
    )
    expect(response.status).toBe(413)
    expect(await response.text()).toContain('Снова откройте ссылку')
    // Unchanged, whether or not the fuzz above pressed the genuine button already.
    expect(await acknowledgedAt()).toBe(before)
  })
})

describe('what one anonymous request may read', () => {
  const get = async (path: string, staff = false) => {
    const answer = await send({ method: 'GET', path, headers: staff ? { authorization: `JWT ${editorToken}` } : {} })
    return { status: answer.status, json: JSON.parse(answer.text) }
  }

  it('lowers a page size over 100 (1,000 for a one-language index of selected fields); staff keep theirs', async () => {
    expect((await get('/api/topics?limit=5000')).json.limit).toBe(anonymousQueryLimits.limit)
    expect((await get('/api/topics?limit=0')).json).toMatchObject({ limit: anonymousQueryLimits.limit, page: 1 })
    expect((await get('/api/topics?limit=5000&select[slug]=true')).json.limit).toBe(anonymousQueryLimits.indexLimit)
    expect((await get('/api/topics?limit=5000&select[slug]=true&locale=all')).json.limit).toBe(
      anonymousQueryLimits.limit,
    )
    expect((await get('/api/topics?limit=50')).json.limit).toBe(50)
    expect((await get('/api/topics?limit=5000', true)).json.limit).toBe(5000)
  })

  it('refuses to switch paging off for anonymous callers, over REST and GraphQL', async () => {
    const rest = await get('/api/topics?pagination=false')
    expect(rest.status).toBe(400)
    expect(rest.json.errors[0].message).toMatch(/remove "pagination=false" and follow "nextPage"/)
    expect((await get('/api/topics?pagination=false', true)).status).toBe(200)
    const graphql = await graphqlAs('{ Topics(pagination: false) { docs { id } } }')
    expect(JSON.stringify(graphql)).toMatch(/remove \\"pagination: false\\"/)
    const byDefault = await graphqlAs('query ($p: Boolean = false) { Topics(pagination: $p) { docs { id } } }')
    expect(JSON.stringify(byDefault)).toMatch(/remove \\"pagination: false\\"/)
    const staffGraphql = await graphqlAs('{ Topics(pagination: false) { docs { id } } }', editorToken)
    expect(staffGraphql.errors).toBeUndefined()
  })

  it('populates one level less with locale=all, where every populated document carries every language', async () => {
    const topicOf = (json: any) => json.docs[0].publications[0].value.topics[0]
    expect(typeof topicOf((await get('/api/press-kits?depth=2')).json)).toBe('object')
    expect(typeof topicOf((await get('/api/press-kits?depth=2&locale=all')).json)).toBe('number')
    expect(typeof topicOf((await get('/api/press-kits?depth=2&locale=all', true)).json)).toBe('object')
  })

  it('caps depth at 2 for anonymous callers only, and leaves the CMS’s own reads alone', () => {
    const req = (user: unknown, locale = 'en') =>
      ({ user, locale, payloadAPI: 'REST', query: {}, payload }) as unknown as PayloadRequest
    const cap = (args: Record<string, unknown>, r: PayloadRequest, overrideAccess?: boolean) =>
      capAnonymousQueries({ args, req: r, overrideAccess, operation: 'read' } as never) as Record<string, unknown>
    expect(cap({ depth: 10 }, req(null)).depth).toBe(2)
    expect(cap({}, req(null, 'all')).depth).toBe(1)
    expect(cap({ depth: 10 }, req({ id: 1, role: 'editor' })).depth).toBe(10)
    expect(cap({ depth: 10, limit: 0 }, req(null), true)).toEqual({ depth: 10, limit: 0 })
  })
})

describe('hostile input gets a 400 that says what to send', () => {
  it.each([
    ['/api/statements?where[createdAt][greater_than]=soon', /is not a date; write it as 2026-03-05/],
    ['/api/statements?where[id][in]=1,abc', /"abc" is not a document ID/],
    ['/api/statements?where[topics][equals]=abc', /is not a document ID/],
    ['/api/statements?where[slug][equals][0]=a', /takes one value/],
    ['/api/statements?where[createdAt][near]=1,2', /works on map points only/],
    ['/api/statements?where=junk', /"where" is not valid JSON/],
    ['/api/statements?where[or]=x', /must be a list of conditions/],
    ['/api/statements?limit=1e309', /"limit" must be a whole number/],
    ['/api/statements?limit=-1', /"limit" must be a whole number/],
    ['/api/statements?page=1e20', /"page" must be a whole number from 1 to/],
    // One of Payload's own collections (staff-only, but the argument check runs first).
    ['/api/payload-preferences?page=-1', /"page" must be a whole number from 1 to/],
  ])('GET %s', async (path, message) => {
    const answer = await send({ method: 'GET', path })
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.text).errors[0].message).toMatch(message)
  })

  it('answers an unreadable body, a write without a document and paths that lead nowhere without a server error', async () => {
    const form = await send({
      method: 'POST',
      path: '/api/media',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nunfinished',
    })
    expect(form.status).toBe(400)
    expect(JSON.parse(form.text).errors[0].message).toMatch(/not a readable multipart form/)
    const nowhere = await send({ method: 'GET', path: '/api/payload-migrations' })
    expect(nowhere.status).toBe(404)
    const noVersions = await send({
      method: 'GET',
      path: '/api/mail-events/versions',
      headers: { authorization: `JWT ${editorToken}` },
    })
    expect(noVersions.status).toBe(404)
    const noDocument = await send({
      method: 'POST',
      path: '/api/statements',
      headers: { 'content-type': 'text/plain', authorization: `JWT ${editorToken}` },
      body: 'title=x',
    })
    expect(noDocument.status).toBe(400)
    expect(JSON.parse(noDocument.text).errors[0].message).toMatch(/carries no document/)
    const graphqlForm = await send({
      method: 'POST',
      path: '/api/graphql',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    })
    expect(graphqlForm.status).toBe(415)
  })

  it('lets Payload’s own queries through: a Date is one value (the admin’s document locks)', async () => {
    // The edit view asks for locks newer than a Date; refused, it never rendered (found in Chromium).
    const editor = await payload.find({ collection: 'users', where: { role: { equals: 'editor' } }, limit: 1 })
    const locks = await payload.find({
      collection: 'payload-locked-documents',
      where: { updatedAt: { greater_than: new Date(Date.now() - 300_000) } },
      overrideAccess: false,
      user: editor.docs[0],
    })
    expect(locks.docs).toEqual(expect.any(Array))
  })

  it('answers what the fuzz once found: a malformed ID of Payload’s own collections, a NUL in a signed event', async () => {
    // Both were 500s on PostgreSQL (FUZZ_SEED=1168783448 and 1043131587).
    const jobs = await probe({
      method: 'GET',
      path: `/api/payload-jobs/${encodeURIComponent('\u{10ffeb}x')}?sort=log`,
      headers: { authorization: `JWT ${editorToken}` },
    })
    expect(jobs.status).toBe(404)
    const request = signedWebhookRequest(
      { type: 'email.bounced', created_at: new Date().toISOString(), data: { email_id: 'msg\u0000x' } },
      webhookSecret,
    )
    const event = await probe({
      method: 'POST',
      path: '/mail/webhooks/resend',
      headers: Object.fromEntries(request.headers),
      body: await request.text(),
    })
    expect(event.status).toBe(400)
    expect(JSON.parse(event.text).error).toMatch(/NUL character/)
  })
})

describe('refusals keep their words in the built CMS', () => {
  it('answers with the hook’s own message even when Payload’s error classes have lost their names', async () => {
    // What the built CMS's bundler does to Payload's classes; Payload then words every error as "unknown".
    const name = Object.getOwnPropertyDescriptor(APIError, 'name')!
    Object.defineProperty(APIError, 'name', { value: '' })
    try {
      const answer = await send({ method: 'GET', path: '/api/statements?locale=xx' })
      expect(answer.status).toBe(400)
      expect(JSON.parse(answer.text).errors[0].message).toMatch(/^Unknown locale "xx"\. Use one of: en, ru/)
    } finally {
      Object.defineProperty(APIError, 'name', name)
    }
  })
})

describe('GraphQL limits', () => {
  it('refuses a query nested deeper than the depth limit, fragments counted', async () => {
    const deep = `{ Statements { docs { ${'topics { '.repeat(maxQueryDepth)}id${' }'.repeat(maxQueryDepth)} } } }`
    expect((await graphqlAs(deep)).errors[0].message).toMatch(/levels of fields; at most 10 are answered/)
    const viaFragments = `{ ...A } fragment A on Query { Statements { docs { ...B } } } fragment B on Statement { ${'topics { '.repeat(maxQueryDepth)}id${' }'.repeat(maxQueryDepth)} }`
    expect((await graphqlAs(viaFragments)).errors[0].message).toMatch(/at most 10 are answered/)
    expect((await graphqlAs('{ Statements { docs { topics { id } } } }')).errors).toBeUndefined()
    const cycle = await graphqlAs('query Q { ...A } fragment A on Query { ...B } fragment B on Query { ...A }')
    expect(cycle.errors[0].message).toMatch(/Fragment A → B → A spreads itself/)
  })

  it('refuses introspection in production, to anonymous callers and staff alike', async () => {
    const environment = process.env as Record<string, string | undefined>
    const before = environment.NODE_ENV
    environment.NODE_ENV = 'production'
    try {
      const answer = await graphqlAs('{ __schema { queryType { name } } }')
      expect(answer.errors[0].message).toMatch(/introspection is not allowed/)
    } finally {
      environment.NODE_ENV = before
    }
    expect((await graphqlAs('{ __schema { queryType { name } } }')).data.__schema.queryType.name).toBe('Query')
  })
})

async function graphqlAs(query: string, token?: string): Promise<any> {
  const answer = await send({
    method: 'POST',
    path: '/api/graphql',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
    body: JSON.stringify({ query }),
  })
  return JSON.parse(answer.text)
}
