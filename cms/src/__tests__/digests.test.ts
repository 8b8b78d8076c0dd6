import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows, sql } from '../db/sql.ts'
import { runDeliveryWorker, TokenBucket } from '../mail/index.ts'
import { outboxTransport } from '../mail/outboxTransport.ts'
import { boundaryAtOrBefore, type DigestSchedule, periodKey } from '../subscriptions/digests/digestPeriods.ts'
import { planDueDigests } from '../subscriptions/digests/planDueDigests.ts'
import { planPublicationSends } from '../subscriptions/publication/planPublicationSends.ts'
import { publicationRecipientCounts } from '../subscriptions/publication/publicationRecipientCounts.ts'
import { type StartedPayload, startPayload, testDatabase } from '../testing/payload.ts'
import { spawnTsxChild, type TsxChild } from './helpers/tsxChild.ts'

/**
 * Digests (docs/adr/0046) on a real CMS: who gets one, what it lists, that a release exactly at a
 * boundary is in one digest only, that repeating the job sends nothing more, and that a CMS
 * killed in the middle of planning a digest is finished by the next run without a duplicate.
 */
let started: StartedPayload
let payload: Payload
let outbox: string
let planner: TsxChild
const schedule: DigestSchedule = { hour: 8, weekday: 'monday', zone: 'Europe/Moscow' }
const now = new Date()
const end1 = boundaryAtOrBefore('daily', new Date(now.getTime() - 61_000), schedule)
const start1 = boundaryAtOrBefore('daily', new Date(end1.getTime() - 1), schedule)
const hours = (n: number) => new Date(start1.getTime() + n * 3_600_000).toISOString()
const docs: Record<string, number> = {}

type Message = { to: string; subject: string; text: string; html: string }

async function digestMessages(periodKeyPrefix: string): Promise<Message[]> {
  await runDeliveryWorker(payload, { transport: outboxTransport(outbox), bucket: new TokenBucket(1000, 10) })
  const rows = await queryRows<{ payload: string }>(
    payload,
    sql`SELECT "d"."payload" FROM "deliveries" "d" JOIN "sends" "s" ON "s"."id" = "d"."send_id"
        WHERE "s"."key" LIKE ${`${periodKeyPrefix}:%`} AND "d"."payload" IS NOT NULL ORDER BY "d"."email", "s"."key"`,
  )
  return rows.map((r) => JSON.parse(r.payload) as Message)
}

async function publish(
  collection: 'press-releases' | 'statements' | 'notices',
  name: string,
  firstPublishedAt: string,
  options: { ru?: boolean; en?: boolean; embargoUntil?: string } = {},
) {
  const { ru = true, en = true } = options
  const data = {
    summary: `${name} in one sentence.`,
    date: firstPublishedAt,
    firstPublishedAt,
    _status: 'published' as const,
    ...(options.embargoUntil ? { embargoUntil: options.embargoUntil } : {}),
  }
  const first = en ? 'en' : 'ru'
  const doc = await payload.create({
    collection,
    locale: first,
    data: { ...data, title: en ? name : `${name} (рус.)` },
    context: { disableMail: true },
  })
  if (en && ru) {
    await payload.update({
      collection,
      id: doc.id,
      locale: 'ru',
      data: { title: `${name} (рус.)`, summary: `${name} по-русски.`, _status: 'published' },
      context: { disableMail: true },
    })
  }
  docs[name] = doc.id
}

async function subscriber(email: string, data: Record<string, unknown>) {
  await payload.create({
    collection: 'subscribers',
    data: { email, status: 'active', locale: 'en', tokenVersion: 1, languages: ['en'], ...data },
  })
}

beforeAll(async () => {
  outbox = mkdtempSync(path.join(os.tmpdir(), 'pressroom-outbox-'))
  started = await startPayload({
    env: { CMS_URL: 'https://cms.example.org', SITE_URL: 'https://press.example.org', MAIL_OUTBOX_DIR: outbox },
  })
  payload = started.payload
  // The CMS killed in the middle of a digest: it loads while the fixtures are written.
  planner = spawnTsxChild(
    new URL('./helpers/digestPlanChild.ts', import.meta.url).pathname,
    'the digest planner',
    { DIGEST_NOW: now.toISOString() },
    { stdin: true },
  )
  await payload.updateGlobal({
    slug: 'site-settings',
    locale: 'en',
    data: { organizationName: 'Bring them home alive', publicationEmailGraceSeconds: 0, digestHour: 8 },
  })
  await publish('press-releases', 'At the opening boundary', hours(0))
  await publish('statements', 'An English statement', hours(1), { ru: false })
  await publish('press-releases', 'Embargo lifted inside', hours(-2), { embargoUntil: hours(2) })
  await publish('notices', 'A Russian notice', hours(3), { en: false })
  await publish('press-releases', 'Before the period', hours(-0.02))
  await publish('press-releases', 'At the closing boundary', end1.toISOString())
  await subscriber('daily-en@example.org', { frequency: 'daily' })
  await subscriber('daily-ru@example.org', { frequency: 'daily', languages: ['ru'], locale: 'ru' })
  await subscriber('daily-statements@example.org', {
    frequency: 'daily',
    languages: ['en', 'ru'],
    kinds: ['statement'],
  })
  await subscriber('weekly-en@example.org', { frequency: 'weekly' })
  await subscriber('immediate-en@example.org', {})
})

afterAll(async () => {
  planner?.child.kill('SIGKILL')
  await started?.stop()
})

const listed = (m: Message) =>
  [...m.text.matchAll(/https:\/\/press\.example\.org\/(?:en|ru)\/[\w-]+\/([\w-]+)\//g)].map((x) => x[1])

describe(`digests (${testDatabase})`, () => {
  it('a daily subscriber gets no immediate e-mail; the counts staff confirm match the plan and name the digests', async () => {
    await publish('press-releases', 'Published now', new Date().toISOString())
    const request = { collection: 'press-releases' as const, id: docs['Published now']! }
    const counts = await publicationRecipientCounts(payload, request)
    const planned = await planPublicationSends(payload, request)
    expect(planned.status).toBe('planned')
    const rows = await queryRows<{ email: string }>(
      payload,
      sql`SELECT "d"."email" FROM "deliveries" "d" JOIN "sends" "s" ON "s"."id" = "d"."send_id"
          WHERE "s"."key" LIKE ${`publication:press-releases:${request.id}:%`} ORDER BY "d"."email"`,
    )
    expect(rows.map((r) => r.email)).toEqual(['immediate-en@example.org'])
    expect(counts?.counts.total).toBe(rows.length)
    // daily-en, weekly-en (en) and daily-ru (ru) match a press release; daily-statements chose statements.
    expect(counts?.counts.inDigests).toBe(3)
  })

  it('a CMS killed in the middle of a digest is finished by the next run; a second run sends nothing more', async () => {
    await planner.ready
    planner.tell('go')
    expect(await planner.exited, planner.output()).toBe('SIGKILL')
    const [period] = (await payload.find({ collection: 'digest-periods', where: { kind: { equals: 'daily' } } })).docs
    expect(period).toMatchObject({ status: 'planning', start: start1.toISOString(), end: end1.toISOString() })
    const half = await queryRows(payload, sql`SELECT "id" FROM "sends" WHERE "key" LIKE 'digest:daily:%'`)
    expect(half).toHaveLength(1)

    await planDueDigests(payload, now)
    await planDueDigests(payload, now)
    const key = periodKey('daily', end1, schedule.zone)
    const messages = await digestMessages(key)
    const byAddress = Object.fromEntries(
      messages.map((m) => [`${m.to} ${m.subject.includes('сводка') ? 'ru' : 'en'}`, m]),
    )
    expect(Object.keys(byAddress).sort()).toEqual([
      'daily-en@example.org en',
      'daily-ru@example.org ru',
      'daily-statements@example.org en',
    ])
    expect(messages).toHaveLength(3)
    const slugOf = async (name: string, collection: 'press-releases' | 'statements' | 'notices') =>
      String((await payload.findByID({ collection, id: docs[name]!, locale: 'en', depth: 0 })).slug)
    const opening = await slugOf('At the opening boundary', 'press-releases')
    const statement = await slugOf('An English statement', 'statements')
    const lifted = await slugOf('Embargo lifted inside', 'press-releases')
    const notice = await slugOf('A Russian notice', 'notices')
    expect(listed(byAddress['daily-en@example.org en']!)).toEqual([opening, statement, lifted])
    expect(listed(byAddress['daily-ru@example.org ru']!)).toEqual([opening, lifted, notice])
    expect(listed(byAddress['daily-statements@example.org en']!)).toEqual([statement])
    const en = byAddress['daily-en@example.org en']!
    expect(en.subject).toMatch(/^Bring them home alive: daily digest, /)
    expect(en.text).toContain('At the opening boundary in one sentence.')
    expect(en.text).toMatch(/https:\/\/cms\.example\.org\/subscriptions\/unsubscribe\?token=u\./)
    expect(byAddress['daily-ru@example.org ru']!.text).toContain('At the opening boundary по-русски.')
    expect((await payload.findByID({ collection: 'digest-periods', id: period!.id })).status).toBe('planned')
  })

  it('a release exactly at a boundary is in the next digest, once', async () => {
    const next = new Date(end1.getTime() + 24 * 3_600_000 + 61_000)
    await planDueDigests(payload, next)
    await planDueDigests(payload, next)
    const key = periodKey('daily', new Date(end1.getTime() + 24 * 3_600_000), schedule.zone)
    // The periods touch: the second starts where the first ended, so nothing falls between them.
    const [second] = (await payload.find({ collection: 'digest-periods', where: { key: { equals: key } } })).docs
    expect(second).toMatchObject({ start: end1.toISOString(), status: 'planned' })
    const messages = (await digestMessages(key)).filter((m) => m.to === 'daily-en@example.org')
    expect(messages).toHaveLength(1)
    const closing = String(
      (await payload.findByID({ collection: 'press-releases', id: docs['At the closing boundary']!, depth: 0 })).slug,
    )
    expect(listed(messages[0]!)).toContain(closing)
    const all = await digestMessages('digest:daily')
    expect(all.filter((m) => m.to === 'daily-en@example.org' && listed(m).includes(closing))).toHaveLength(1)
    expect(all.some((m) => m.to === 'weekly-en@example.org' || m.to === 'immediate-en@example.org')).toBe(false)
  })
})
