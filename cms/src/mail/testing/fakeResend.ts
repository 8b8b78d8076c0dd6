import { createHash, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A fake Resend API on loopback, for tests and the benchmark (reached through RESEND_BASE_URL).
 * It imitates what matters for durable sending: ≤ 100 messages a batch, idempotency keys
 * (a replay gets the first answer; another body under the same key gets 409
 * invalid_idempotent_request; a second request while the first is in flight gets 409
 * concurrent_idempotent_requests), a rate limit of `ratePerSecond` requests in any second
 * (a sliding window, stricter than fixed one-second windows) answered with 429 and
 * `retry-after`, permissive batch validation, and injected faults (server errors, connections
 * dropped before or after the batch was accepted).
 */
export type Fault = 'server-error' | 'drop-before' | 'drop-after' | 'rate-limit'

export type FakeResendOptions = {
  /** Requests a second before 429 (Resend's default is 2). */
  ratePerSecond?: number
  /** Milliseconds each request takes. */
  latencyMs?: number
  /** Faults for the next requests, taken in order. */
  faults?: Fault[]
  /** Chance (0–1) of each fault on any request, after `faults` is used up. */
  randomFaults?: Partial<Record<Fault, number>>
  /** `retry-after` (seconds, may be a fraction) of an injected `rate-limit` fault; 1 by default. */
  faultRetryAfterSeconds?: number
  apiKey?: string
}

export type AcceptedEmail = {
  id: string
  to: string
  subject: string
  idempotencyKey: string
  headers: Record<string, string>
  text: string
  html: string
  attachments: number
  /** The attached files as sent (content in base64). */
  files: { filename: string; content: string }[]
}

type Stored = { bodyHash: string; state: 'in-flight' | 'done'; status?: number; response?: unknown }

const invalidAddress = (to: unknown) =>
  typeof to !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(to) || to.endsWith('.invalid')

export type FakeResend = {
  url: string
  /** Every e-mail the fake "sent", in order (a replay adds nothing). */
  accepted: AcceptedEmail[]
  /** Every request, in order of arrival: `at` is when it arrived (ms since epoch). */
  requests: { path: string; status: number; key: string | null; count: number; at: number }[]
  options: FakeResendOptions
  /** Forgets every idempotency key, as Resend does 24 hours after a key's first use. */
  forgetIdempotencyKeys: () => void
  stop: () => Promise<void>
}

export async function startFakeResend(options: FakeResendOptions = {}): Promise<FakeResend> {
  const accepted: AcceptedEmail[] = []
  const requests: FakeResend['requests'] = []
  const keys = new Map<string, Stored>()
  const state = { options }
  /** Arrival instants of the requests let through in the last second. */
  const admitted: number[] = []

  const nextFault = (): Fault | undefined => {
    const queued = state.options.faults?.shift()
    if (queued) return queued
    for (const [fault, chance] of Object.entries(state.options.randomFaults ?? {})) {
      if (Math.random() < (chance ?? 0)) return fault as Fault
    }
    return undefined
  }

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers })
    res.end(JSON.stringify(body))
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // The limit counts a request when it arrives, before its body is read.
    const arrivedAt = Date.now()
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    const path = req.url ?? ''
    const key = (req.headers['idempotency-key'] as string | undefined) ?? null
    const record = (status: number, count = 0) => requests.push({ path, status, key, count, at: arrivedAt })

    if (req.headers.authorization !== `Bearer ${state.options.apiKey ?? 're_test_key'}`) {
      record(401)
      return send(res, 401, { statusCode: 401, name: 'missing_api_key', message: 'Missing or wrong API key' })
    }
    // Resend limits requests per second per team: at most `ratePerSecond` in any second here.
    while (admitted.length > 0 && admitted[0]! <= arrivedAt - 1000) admitted.shift()
    const overLimit = admitted.length >= (state.options.ratePerSecond ?? 2)
    // A queued fault waits for a request the limit lets through.
    const fault: Fault | undefined = overLimit ? 'rate-limit' : nextFault()
    if (fault !== 'rate-limit') admitted.push(arrivedAt)
    if (fault === 'rate-limit') {
      record(429)
      // Whole seconds, as Resend sends it; an injected fault may ask for less to keep tests short.
      const wait = overLimit
        ? Math.max(1, Math.ceil((admitted[0]! + 1000 - arrivedAt) / 1000))
        : (state.options.faultRetryAfterSeconds ?? 1)
      return send(
        res,
        429,
        { statusCode: 429, name: 'rate_limit_exceeded', message: 'Too many requests' },
        { 'retry-after': String(wait) },
      )
    }
    if (fault === 'drop-before') {
      record(0)
      return req.socket.destroy()
    }
    if (fault === 'server-error') {
      record(500)
      return send(res, 500, { statusCode: 500, name: 'internal_server_error', message: 'Injected failure' })
    }

    const bodyHash = createHash('sha256').update(raw).digest('hex')
    if (key) {
      const stored = keys.get(key)
      if (stored && stored.bodyHash !== bodyHash) {
        record(409)
        return send(res, 409, {
          statusCode: 409,
          name: 'invalid_idempotent_request',
          message: 'Same idempotency key used with a different request payload.',
        })
      }
      if (stored?.state === 'in-flight') {
        record(409)
        return send(res, 409, {
          statusCode: 409,
          name: 'concurrent_idempotent_requests',
          message: 'Same idempotency key used while the original request is still in progress.',
        })
      }
      if (stored?.state === 'done') {
        record(stored.status!)
        if (fault === 'drop-after') return req.socket.destroy()
        return send(res, stored.status!, stored.response)
      }
      keys.set(key, { bodyHash, state: 'in-flight' })
    }

    const finish = (status: number, response: unknown, count: number) => {
      if (key) keys.set(key, { bodyHash, state: 'done', status, response })
      record(status, count)
      // The provider took the request but the answer never arrives.
      if (fault === 'drop-after') return req.socket.destroy()
      send(res, status, response)
    }

    if (state.options.latencyMs) await new Promise((resolve) => setTimeout(resolve, state.options.latencyMs))
    let body: unknown
    try {
      body = JSON.parse(raw)
    } catch {
      return finish(400, { statusCode: 400, name: 'validation_error', message: 'Invalid JSON' }, 0)
    }
    const take = (email: Record<string, unknown>): AcceptedEmail => {
      const to = Array.isArray(email.to) ? String(email.to[0]) : String(email.to)
      const entry = {
        id: randomUUID(),
        to,
        subject: String(email.subject),
        idempotencyKey: key ?? '',
        headers: (email.headers as Record<string, string>) ?? {},
        text: String(email.text ?? ''),
        html: String(email.html ?? ''),
        attachments: Array.isArray(email.attachments) ? email.attachments.length : 0,
        files: Array.isArray(email.attachments)
          ? (email.attachments as { filename?: unknown; content?: unknown }[]).map((a) => ({
              filename: String(a.filename ?? ''),
              content: String(a.content ?? ''),
            }))
          : [],
      }
      accepted.push(entry)
      return entry
    }
    if (path === '/emails/batch' && req.method === 'POST') {
      if (!Array.isArray(body) || body.length === 0 || body.length > 100) {
        return finish(422, { statusCode: 422, name: 'validation_error', message: 'A batch holds 1 to 100 emails.' }, 0)
      }
      const emails = body as Record<string, unknown>[]
      if (emails.some((e) => e.attachments)) {
        return finish(
          422,
          { statusCode: 422, name: 'validation_error', message: 'Attachments are not supported in batch.' },
          0,
        )
      }
      const permissive = req.headers['x-batch-validation'] === 'permissive'
      const invalid = emails.flatMap((e, index) =>
        invalidAddress(Array.isArray(e.to) ? e.to[0] : e.to) ? [{ index, message: 'Invalid `to` field.' }] : [],
      )
      if (invalid.length && !permissive) {
        return finish(422, { statusCode: 422, name: 'validation_error', message: invalid[0]!.message }, 0)
      }
      const bad = new Set(invalid.map((e) => e.index))
      const data = emails.flatMap((e, index) => (bad.has(index) ? [] : [{ id: take(e).id }]))
      return finish(200, permissive ? { data, errors: invalid } : { data }, data.length)
    }
    if (path === '/emails' && req.method === 'POST') {
      const email = body as Record<string, unknown>
      if (invalidAddress(Array.isArray(email.to) ? email.to[0] : email.to)) {
        return finish(422, { statusCode: 422, name: 'validation_error', message: 'Invalid `to` field.' }, 0)
      }
      return finish(200, { id: take(email).id }, 1)
    }
    finish(404, { statusCode: 404, name: 'not_found', message: 'Unknown endpoint' }, 0)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      res.statusCode = 500
      res.end(String(error))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    accepted,
    requests,
    options: state.options,
    forgetIdempotencyKeys: () => keys.clear(),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
