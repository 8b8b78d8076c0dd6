import { zoneOrDefault } from '@pressroom/shared'
import type { Payload } from 'payload'
import { mailSettings } from '../../mail/index.ts'
import { type DigestPeriod, type DigestSchedule, duePeriod } from './digestPeriods.ts'
import { type DigestPeriodKind, digestPeriodKinds, type Weekday, weekdays } from './frequency.ts'
import { planDigestPeriod } from './planDigestPeriod.ts'

/** How long after a boundary its period is planned: saves that began before it have committed. */
export const digestSettleMs = () => Number(process.env.DIGEST_SETTLE_SECONDS ?? 60) * 1000

type StoredPeriod = { id: number; key: string; kind: string; start: string; end: string; status: string }

const asPeriod = (row: StoredPeriod): DigestPeriod => ({
  kind: row.kind as DigestPeriodKind,
  key: row.key,
  start: new Date(row.start),
  end: new Date(row.end),
})

async function digestSchedule(payload: Payload): Promise<DigestSchedule> {
  const s = (await payload.findGlobal({ slug: 'site-settings', depth: 0 })) as {
    digestHour?: number | null
    digestWeekday?: string | null
    defaultTimezone?: string | null
  }
  const hour = Number.isInteger(s.digestHour) && s.digestHour! >= 0 && s.digestHour! <= 23 ? s.digestHour! : 8
  const weekday = weekdays.includes(s.digestWeekday as Weekday) ? (s.digestWeekday as Weekday) : 'monday'
  return { hour, weekday, zone: zoneOrDefault(s.defaultTimezone) }
}

/**
 * A step of the `deliverMail` job (docs/adr/0046), so digests share its lease and its recovery
 * after a crash: finishes any period left `planning`, then records the period that is due, if
 * any, and plans its sends. The period row is written first, so a crash leaves it `planning`
 * with its boundaries fixed, and the next run completes it.
 */
export async function planDueDigests(payload: Payload, now = new Date()): Promise<number> {
  const schedule = await digestSchedule(payload)
  let planned = 0
  for (const kind of digestPeriodKinds) {
    const found = await payload.find({
      collection: 'digest-periods',
      where: { kind: { equals: kind } },
      sort: '-end',
      limit: 20,
      depth: 0,
    })
    const rows = found.docs as unknown as StoredPeriod[]
    const unfinished = rows.filter((r) => r.status === 'planning').reverse()
    const last = rows[0]
    const due = duePeriod(kind, now, schedule, last && { key: last.key, end: new Date(last.end) }, digestSettleMs())
    if (unfinished.length === 0 && !due) continue
    const settings = await mailSettings(payload)
    for (const row of unfinished) planned += await finish(payload, row.id, asPeriod(row), settings)
    if (!due) continue
    const created = await payload
      .create({
        collection: 'digest-periods',
        data: { key: due.key, kind, start: due.start.toISOString(), end: due.end.toISOString(), status: 'planning' },
      })
      .catch(async (error) => {
        // Another process recorded it at the same moment (its unique key): that one plans it.
        const taken = await payload.count({ collection: 'digest-periods', where: { key: { equals: due.key } } })
        if (taken.totalDocs === 0) throw error
        return undefined
      })
    if (created) planned += await finish(payload, created.id, due, settings)
  }
  return planned
}

async function finish(
  payload: Payload,
  id: number,
  period: DigestPeriod,
  settings: Awaited<ReturnType<typeof mailSettings>>,
) {
  const planned = await planDigestPeriod(payload, period, settings)
  await payload.update({ collection: 'digest-periods', id, data: { status: 'planned', planned } })
  return planned
}

/** The step as the mail job runs it: a digest that cannot be planned must not stop other e-mail. */
export async function planDueDigestsStep(payload: Payload): Promise<void> {
  try {
    await planDueDigests(payload)
  } catch (error) {
    payload.logger.error({ err: error }, 'Digests could not be planned; the next mail run tries again.')
  }
}
