import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createClient } from '@libsql/client'
import autocannon from 'autocannon'
import { cmsDir, cmsServerArgs } from '../lib/paths.ts'
import { waitForHttp } from '../lib/processes.ts'

/**
 * Issue 4's targets: fan-out of one press release to 10,000 subscribers against the fake Resend
 * at its rate limit, and the subscribe endpoint of the built CMS under load on SQLite.
 */
const log = (message: string) => console.log(`[bench:mail] ${message}`)
const subscriberCount = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000)
const rate = Number(process.env.BENCH_MAIL_RATE ?? 5)

export type MailBenchResult = {
  subscribers: number
  rate: number
  planSeconds: number
  sendSeconds: number
  boundSeconds: number
  efficiency: number
  accepted: number
  unique: number
  requests: number
  rateLimited: number
  subscribe: { rps: number; p50: number; p99: number; accepted: number; stored: number; non2xx: number; errors: number }
}

async function insertSubscribers(url: string, count: number) {
  const client = createClient({ url })
  const now = new Date().toISOString()
  for (let start = 0; start < count; start += 500) {
    const ids = Array.from({ length: Math.min(500, count - start) }, (_, i) => start + i + 1)
    await client.batch(
      [
        {
          sql: `INSERT INTO subscribers (id, email, status, locale, token_version, updated_at, created_at) VALUES ${ids
            .map(() => `(?, ?, 'active', 'en', 1, ?, ?)`)
            .join(', ')}`,
          args: ids.flatMap((id) => [id, `reader${id}@example.org`, now, now]),
        },
        {
          sql: `INSERT INTO subscribers_languages ("order", parent_id, value) VALUES ${ids.map(() => `(1, ?, 'en')`).join(', ')}`,
          args: ids,
        },
      ],
      'write',
    )
  }
  client.close()
}

async function measureFanOut(dir: string): Promise<Omit<MailBenchResult, 'subscribe'>> {
  const { startFakeResend } = await import('@pressroom/cms/mail/testing/fake-resend')
  const fake = await startFakeResend({ ratePerSecond: rate })
  const dbUrl = `file:${path.join(dir, 'fanout.db')}`
  Object.assign(process.env, {
    DATABASE_URL: dbUrl,
    RESEND_BASE_URL: fake.url,
    RESEND_API_KEY: 're_test_key',
    RESEND_RATE_LIMIT: String(rate),
    SITE_URL: 'https://press.example.org',
  })
  const [{ getPayload }, { default: config }, mail, { planPublicationSends }, { paragraphsToLexical }] =
    await Promise.all([
      import('payload'),
      import('@pressroom/cms/config'),
      import('@pressroom/cms/mail'),
      import('@pressroom/cms/subscriptions/publication-sends'),
      import('@pressroom/cms/seed/lexical'),
    ])
  const payload = await getPayload({ config })
  try {
    await payload.updateGlobal({ slug: 'site-settings', data: { organizationName: 'Bench organization' } })
    await insertSubscribers(dbUrl, subscriberCount)
    const release = await payload.create({
      collection: 'press-releases',
      context: { disableMail: true },
      data: {
        title: 'Benchmark release',
        body: paragraphsToLexical(['A paragraph of about the length of a real one, to make the e-mail realistic.']),
        _status: 'published',
      },
    })
    const planStart = performance.now()
    await planPublicationSends(payload, { collection: 'press-releases', id: release.id })
    const planSeconds = (performance.now() - planStart) / 1000
    log(`  planned ${subscriberCount} deliveries in ${planSeconds.toFixed(1)} s`)
    const sendStart = performance.now()
    await mail.runDeliveryWorker(payload, {
      transport: mail.mailTransportFromEnv(),
      bucket: mail.providerBucket(payload),
    })
    const sendSeconds = (performance.now() - sendStart) / 1000
    const boundSeconds = subscriberCount / (100 * rate)
    const addresses = fake.accepted.map((a) => a.to)
    return {
      subscribers: subscriberCount,
      rate,
      planSeconds,
      sendSeconds,
      boundSeconds,
      efficiency: boundSeconds / sendSeconds,
      accepted: addresses.length,
      unique: new Set(addresses).size,
      requests: fake.requests.length,
      rateLimited: fake.requests.filter((r) => r.status === 429).length,
    }
  } finally {
    await payload.destroy()
    await fake.stop()
  }
}

async function measureSubscribe(dir: string, port: number): Promise<MailBenchResult['subscribe']> {
  // The fan-out's database: its schema is in place and it already holds 10,000 subscribers.
  const dbFile = path.join(dir, 'fanout.db')

  const server: ChildProcess = spawn(process.execPath, cmsServerArgs(port), {
    cwd: cmsDir,
    stdio: ['ignore', 'ignore', 'inherit'],
    // Its own process group: the server must stop with everything it started.
    detached: true,
    env: {
      ...process.env,
      DATABASE_URL: `file:${dbFile}`,
      JOBS_AUTORUN_CRON: 'off',
      // Every request comes from this one machine: the per-client limit would refuse nearly all.
      SUBSCRIBE_RATE_LIMIT: '100000000/60',
    },
  })
  try {
    const url = `http://127.0.0.1:${port}/subscriptions/subscribe`
    await waitForHttp(`http://127.0.0.1:${port}/admin/login`, 120_000, server)
    // Warm-up: compiles nothing (built), but fills caches and the connection.
    for (let i = 0; i < 20; i++) {
      await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `email=warm${i}%40example.org&languages=en&locale=en&website=`,
      })
    }
    let n = 0
    const result = await autocannon({
      url,
      connections: 10,
      duration: Number(process.env.BENCH_SUBSCRIBE_SECONDS ?? 10),
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          setupRequest: (request) => {
            n += 1
            return {
              ...request,
              body: `email=load${n}%40example.org&languages=en&languages=ru&kinds=pressRelease&locale=en&website=`,
            }
          },
        },
      ],
    })
    const client = createClient({ url: `file:${dbFile}` })
    const stored = Number(
      (await client.execute("SELECT count(*) AS n FROM subscribers WHERE email LIKE 'load%'")).rows[0]?.n ?? 0,
    )
    client.close()
    return {
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      accepted: result['2xx'],
      stored,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
    }
  } finally {
    if (server.exitCode === null && server.pid) {
      const exited = new Promise((resolve) => server.once('exit', resolve))
      process.kill(-server.pid, 'SIGTERM')
      await exited
    }
  }
}

export async function measureMail(port: number): Promise<MailBenchResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-bench-mail-'))
  const saved = { ...process.env }
  try {
    log(`Fan-out: one press release to ${subscriberCount} subscribers, fake Resend at ${rate} requests/s…`)
    const fanOut = await measureFanOut(dir)
    log(`  sent in ${fanOut.sendSeconds.toFixed(1)} s (bound ${fanOut.boundSeconds.toFixed(1)} s)`)
    process.env = { ...saved }
    log('Subscribe endpoint under load (autocannon, 10 connections, built CMS, SQLite)…')
    const subscribe = await measureSubscribe(dir, port)
    log(
      `  ${subscribe.rps.toFixed(0)} req/s, p99 ${subscribe.p99} ms, ${subscribe.accepted} accepted, ${subscribe.stored} stored`,
    )
    return { ...fanOut, subscribe }
  } finally {
    process.env = saved
    rmSync(dir, { recursive: true, force: true })
  }
}

export function mailReport(r: MailBenchResult): string {
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**')
  const s = r.subscribe
  return `## Subscriptions and e-mail (issue 4)

Fan-out: one press release planned for ${r.subscribers.toLocaleString('en')} active subscribers (rendered once with React
Email, ${r.subscribers.toLocaleString('en')} delivery rows in ${r.planSeconds.toFixed(1)} s), then sent by one delivery worker through
the \`resend\` SDK to the fake Resend server on loopback limited to ${r.rate} requests a second (a 429 beyond that). The
bound is ${r.subscribers.toLocaleString('en')} ÷ (100 × ${r.rate}) = ${r.boundSeconds.toFixed(1)} s.
Subscribe: \`POST /subscriptions/subscribe\` on the built CMS (its own server, SQLite), autocannon with 10 connections,
a new address each request, on the database that already holds the subscribers above; the per-client rate limit
raised for the run, since every request comes from loopback.

| Target | Measured | Verdict |
| --- | --- | --- |
| Fan-out to ${r.subscribers.toLocaleString('en')} at ≥ 90 % of the rate-limit bound | ${r.sendSeconds.toFixed(1)} s = ${(r.efficiency * 100).toFixed(0)} % of the bound; ${r.unique.toLocaleString('en')} unique of ${r.accepted.toLocaleString('en')} accepted, ${r.requests} requests, ${r.rateLimited} answered 429 | ${verdict(r.efficiency >= 0.9 && r.unique === r.subscribers && r.accepted === r.subscribers)} |
| Subscribe endpoint ≥ 300 requests/s | ${s.rps.toFixed(0)} requests/s (${s.non2xx} non-2xx, ${s.errors} errors) | ${verdict(s.rps >= 300)} |
| Subscribe p99 < 100 ms | p50 ${s.p50} ms, p99 ${s.p99} ms | ${verdict(s.p99 < 100)} |
| Every accepted subscription stored | ${s.stored.toLocaleString('en')} stored of ${s.accepted.toLocaleString('en')} accepted (a request still in flight when the run stops may be stored unanswered) | ${verdict(s.stored >= s.accepted)} |
`
}
