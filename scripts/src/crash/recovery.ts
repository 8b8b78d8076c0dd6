import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs'
import path from 'node:path'
import { readSiteBuildStatus } from '@pressroom/cms/site-builder'
import { documentCollections, documentPath, kindByCollection, localeCodes } from '@pressroom/shared'
import type { CrashRoom } from './crashRoom.ts'
import type { Audience, RunWork } from './workload.ts'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const accepted = (room: CrashRoom, match: (to: string, subject: string) => boolean) =>
  room.fake.accepted.filter((m) => match(m.to, m.subject)).map((m) => m.to)

const releaseMail = (room: CrashRoom, work: RunWork) =>
  accepted(room, (_to, subject) => subject.includes(work.release.title))
const cancelledMail = (room: CrashRoom, work: RunWork) =>
  accepted(room, (_to, subject) => subject.includes(work.cancelled.title))
const noticeMail = (room: CrashRoom, work: RunWork) =>
  accepted(room, (_to, subject) => subject.includes(work.notice.title))
const confirmations = (room: CrashRoom, work: RunWork) => accepted(room, (to) => to === work.newcomer)

/** What is not yet done of a run's work after the crash; empty once the press room has recovered. */
export async function unfinished(
  room: CrashRoom,
  audience: Audience,
  work: RunWork,
  options: { site: boolean },
): Promise<string[]> {
  const { payload } = room
  const left: string[] = []
  const release = new Set(releaseMail(room, work)).size
  if (release < audience.subscribers.length) left.push(`release e-mails ${release}/${audience.subscribers.length}`)
  if (confirmations(room, work).length === 0) left.push(`${work.newcomer}'s confirmation`)
  const dispatch = await payload.findByID({ collection: 'dispatches', id: work.dispatchId, depth: 0 })
  if (dispatch.status !== 'completed') left.push(`dispatch ${dispatch.status}`)
  const notices = new Set(noticeMail(room, work)).size
  if (notices < audience.institutionEmails.length) {
    left.push(`notice e-mails ${notices}/${audience.institutionEmails.length}`)
  }
  // A cancelled send stays cancelled whatever the kill interrupted: recovery never revives it.
  const cancelled = await payload.findByID({ collection: 'sends', id: work.cancelled.sendId, depth: 0 })
  if (cancelled.status !== 'cancelled') left.push(`cancelled release's send ${cancelled.status}`)
  const statement = await payload.findByID({ collection: 'statements', id: work.statement.id, draft: false })
  if (statement._status !== 'published') left.push('scheduled statement not published')
  if (options.site) left.push(...(await siteProblems(room)))
  return left
}

/** Waits until nothing of the run's work is left; throws with what is left (and the CMS's log) on time-out. */
export async function waitForRecovery(
  room: CrashRoom,
  audience: Audience,
  work: RunWork,
  options: { site: boolean; timeoutMs: number },
): Promise<void> {
  const end = Date.now() + options.timeoutMs
  let left: string[] = []
  while (Date.now() < end) {
    left = await unfinished(room, audience, work, options)
    if (left.length === 0) return
    await sleep(500)
  }
  throw new Error(
    `Run ${work.run} did not recover within ${options.timeoutMs / 1000} s: ${left.join('; ')}\n${room.logTail()}`,
  )
}

const duplicatesIn = (list: string[]) => [...new Set(list.filter((item, i) => list.indexOf(item) !== i))]
const missingFrom = (list: string[], expected: string[]) => expected.filter((item) => !list.includes(item))

/** Every planned e-mail of the run arrived exactly once, and nothing else was sent twice. */
export function mailProblems(room: CrashRoom, audience: Audience, work: RunWork): string[] {
  const problems: string[] = []
  const check = (what: string, list: string[], expected: string[]) => {
    const twice = duplicatesIn(list)
    const missing = missingFrom(list, expected)
    const extra = list.filter((item) => !expected.includes(item))
    if (twice.length) problems.push(`${what}: sent twice to ${twice.join(', ')}`)
    if (missing.length) problems.push(`${what}: never sent to ${missing.slice(0, 5).join(', ')} (${missing.length})`)
    if (extra.length) problems.push(`${what}: sent to unexpected ${[...new Set(extra)].join(', ')}`)
  }
  check('release', releaseMail(room, work), audience.subscribers)
  check('cancelled release', cancelledMail(room, work), [])
  check('confirmation', confirmations(room, work), [work.newcomer])
  check('notice', noticeMail(room, work), audience.institutionEmails)
  const all = room.fake.accepted.map((m) => `${m.to} «${m.subject}»`)
  const twice = duplicatesIn(all)
  if (twice.length) problems.push(`sent twice: ${twice.slice(0, 5).join(', ')}`)
  return problems
}

/**
 * The live site is complete and matches the CMS: it is the newest successful build, that build
 * started after the last publication, and every published document has its page in every
 * language (with its reference number, and its title where the title is plain text) and its PDF
 * edition in each language it is written in, and no other document has a page.
 */
export async function siteProblems(room: CrashRoom): Promise<string[]> {
  const { payload } = room
  const problems: string[] = []
  const status = await readSiteBuildStatus(room.releasesDir)
  const live = path.join(room.releasesDir, status.lastSucceeded?.release ?? '(none)')
  if (!status.lastSucceeded || !existsSync(live)) return ['no successful site build yet']
  if (path.resolve(path.dirname(room.liveDir), readlinkSafe(room.liveDir)) !== live) {
    problems.push('the live link is not the newest successful build')
  }
  let lastChange = 0
  for (const collection of documentCollections) {
    const docs = (
      await payload.find({
        collection,
        where: { _status: { equals: 'published' } },
        locale: 'all',
        draft: false,
        pagination: false,
        depth: 0,
        overrideAccess: false,
      })
    ).docs as unknown as {
      slug: string
      referenceNumber?: string | null
      title?: Record<string, string | undefined>
      updatedAt: string
    }[]
    const kind = kindByCollection(collection)
    for (const doc of docs) {
      lastChange = Math.max(lastChange, Date.parse(doc.updatedAt))
      for (const locale of localeCodes) {
        const file = path.join(live, documentPath(locale, kind.kind, doc.slug), 'index.html')
        if (!existsSync(file)) {
          problems.push(`no page ${path.relative(live, file)}`)
          continue
        }
        const html = readFileSync(file, 'utf8')
        const title = doc.title?.[locale] ?? doc.title?.en
        if (title && !/[&<>"']/.test(title) && !html.includes(title))
          problems.push(`${doc.slug} (${locale}) lacks its title`)
        if (doc.referenceNumber && !html.includes(doc.referenceNumber)) {
          problems.push(`${doc.slug} (${locale}) lacks ${doc.referenceNumber}`)
        }
        if (
          doc.title?.[locale] &&
          doc.referenceNumber &&
          !existsSync(path.join(live, locale, `${doc.referenceNumber}-${locale}.pdf`))
        ) {
          problems.push(`no PDF edition ${locale}/${doc.referenceNumber}-${locale}.pdf`)
        }
      }
    }
    const listed = listedSlugs(path.join(live, 'en', kind.path))
    const published = new Set(docs.map((d) => d.slug))
    for (const slug of listed) if (!published.has(slug)) problems.push(`en/${kind.path}/${slug}/ is not published`)
  }
  const builtFrom = Date.parse(status.lastSucceeded.startedAt)
  if (builtFrom < lastChange) {
    problems.push(`the live build started before the last publication (${new Date(lastChange).toISOString()})`)
  }
  return problems
}

const readlinkSafe = (link: string) => {
  try {
    return readlinkSync(link)
  } catch {
    return ''
  }
}

/** Document pages of a kind: its folders holding a page (the list's further pages sit under page/). */
function listedSlugs(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'index.html')))
    .map((entry) => decodeURIComponent(entry.name))
}
