import { cancelHeldSend, planSend } from '@pressroom/cms/mail'
import { paragraphsToLexical } from '@pressroom/cms/seed/lexical'
import type { CrashRoom } from './crashRoom.ts'

/** The grace period of publication e-mails in the crash test. */
export const graceSeconds = 1

/** Who the work reaches: subscribers (publication e-mails) and institutions (notice dispatches). */
export type Audience = {
  subscribers: string[]
  groupId: number
  institutions: number
  /** The addresses of the institutions reached by e-mail; the others are sent by post. */
  institutionEmails: string[]
}

/**
 * Active subscribers of English publications, and a distribution group of institutions, one in
 * twenty-five reached by e-mail and the others by post (many rows to plan, few e-mails at the provider's
 * pace of one request per notice): created once, through the Local API.
 */
export async function prepareAudience(
  room: CrashRoom,
  sizes: { subscribers: number; institutions: number },
): Promise<Audience> {
  const { payload } = room
  // Set here, not left to the default (2 minutes): a release's e-mail waits one second before it
  // goes, so some kills land while it waits (it must still go after the restart, once), and the
  // run's cancelled release is cancelled within it (docs/adr/0039).
  await payload.updateGlobal({ slug: 'site-settings', data: { publicationEmailGraceSeconds: graceSeconds } })
  const subscribers: string[] = []
  for (let i = 0; i < sizes.subscribers; i++) {
    const email = `reader-${i}@example.org`
    await payload.create({
      collection: 'subscribers',
      data: { email, status: 'active', locale: 'en', tokenVersion: 1, languages: ['en'] },
    })
    subscribers.push(email)
  }
  const group = await payload.create({ collection: 'distribution-groups', data: { name: 'Crash test group' } })
  const institutionEmails: string[] = []
  for (let i = 0; i < sizes.institutions; i++) {
    const byEmail = i % 25 === 0
    const email = `institution-${i}@example.org`
    if (byEmail) institutionEmails.push(email)
    await payload.create({
      collection: 'recipients',
      locale: 'en',
      data: {
        kind: 'embassy',
        name: `Institution ${i}`,
        country: 'DE',
        preferredLanguage: 'en',
        groups: [group.id],
        ...(byEmail
          ? { emails: [{ address: email }] }
          : { preferredChannels: ['post'], postalAddress: `${i} Example Street, Moscow` }),
      } as never,
    })
  }
  return { subscribers, groupId: group.id, institutions: sizes.institutions, institutionEmails }
}

/** What one run set in motion, to be found again complete after the crash. */
export type RunWork = {
  run: number
  startedAt: number
  release: { id: number; title: string }
  /** A release whose e-mail staff cancelled in its grace period: nothing of it may ever go. */
  cancelled: { id: number; title: string; sendId: number }
  statement: { id: number; title: string; publishAt: number }
  notice: { id: number; title: string }
  dispatchId: number
  newcomer: string
  /** Requests staff or a reader sent to the CMS; the kill may cut them off. */
  requests: { plan: Promise<number>; subscribe: Promise<number> }
}

/**
 * Sets one run's work going at once: a press release published to every subscriber (a fan-out),
 * another whose e-mail is cancelled in its grace period,
 * a statement scheduled to publish `scheduleInMs` from now, a notice dispatched to the group
 * (planned by the CMS over HTTP, as the admin's button does), a reader subscribing on the site's
 * form, and, through the publications, site builds.
 */
export async function startWork(
  room: CrashRoom,
  audience: Audience,
  run: number,
  scheduleInMs: number,
): Promise<RunWork> {
  const { payload } = room
  const startedAt = Date.now()
  const release = await payload.create({
    collection: 'press-releases',
    data: {
      title: `Crash run ${run}: release`,
      body: paragraphsToLexical([`A press release sent to every subscriber in crash run ${run}.`]),
      _status: 'published',
    },
  })
  const cancelled = await cancelledRelease(room, audience, run)
  const statement = await payload.create({
    collection: 'statements',
    data: { title: `Crash run ${run}: scheduled statement`, _status: 'draft' },
  })
  const publishAt = startedAt + scheduleInMs
  await payload.jobs.queue({
    task: 'schedulePublish',
    waitUntil: new Date(publishAt),
    input: { type: 'publish', doc: { relationTo: 'statements', value: statement.id } },
  })
  const notice = await payload.create({
    collection: 'notices',
    data: { title: `Crash run ${run}: notice`, _status: 'published' },
  })
  const dispatch = await payload.create({
    collection: 'dispatches',
    data: { notice: notice.id, groups: [audience.groupId] } as never,
  })
  const newcomer = `newcomer-${run}@example.org`
  return {
    run,
    startedAt,
    release: { id: release.id, title: release.title },
    cancelled,
    statement: { id: statement.id, title: statement.title, publishAt },
    notice: { id: notice.id, title: notice.title },
    dispatchId: dispatch.id,
    newcomer,
    requests: { plan: planDispatch(room, dispatch.id), subscribe: subscribe(room, newcomer) },
  }
}

/**
 * A published release whose e-mail is planned with its grace period and cancelled at once, as
 * staff do with its Cancel button. Its publish hook is off and the test process plans the send
 * itself through the delivery core, under the publication's own key (composing the real message
 * needs React Email, which this test's runner does not load); the CMS's own planning of the
 * release, after any restart, finds that key cancelled and plans nothing.
 */
async function cancelledRelease(room: CrashRoom, audience: Audience, run: number): Promise<RunWork['cancelled']> {
  const { payload } = room
  const title = `Crash run ${run}: cancelled release`
  const release = await payload.create({
    collection: 'press-releases',
    data: {
      title,
      body: paragraphsToLexical([`A press release whose e-mail was cancelled in crash run ${run}.`]),
      _status: 'published',
    },
    context: { disableMail: true },
  })
  const planned = await planSend(payload, {
    key: `publication:press-releases:${release.id}:en`,
    label: `${title} (en)`,
    purpose: 'publication',
    message: { from: 'Press room <press@pressroom.localhost>', subject: title, html: `<p>${title}</p>`, text: title },
    recipients: audience.subscribers.map((email) => ({ key: `reader:${email}`, email })),
    holdUntil: new Date(Date.now() + graceSeconds * 1000),
  })
  if ((await cancelHeldSend(payload, planned.sendId, null)) !== 'cancelled') {
    throw new Error(`Crash run ${run}: the release's e-mail could not be cancelled in its grace period.`)
  }
  return { id: release.id, title, sendId: planned.sendId }
}

/**
 * What the admin's "Plan and send" button sends: the counts, then the plan with their
 * confirmation; the status, or 0 when the kill cut a request off.
 */
export async function planDispatch(room: CrashRoom, dispatchId: number): Promise<number> {
  const headers = { Authorization: `JWT ${room.adminToken}`, 'Content-Type': 'application/json' }
  try {
    const counts = await fetch(`${room.cmsUrl}/api/dispatches/${dispatchId}/recipient-counts`, { headers })
    const { confirmation } = (await counts.json()) as { confirmation?: string }
    const response = await fetch(`${room.cmsUrl}/api/dispatches/${dispatchId}/plan`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ confirmation }),
    })
    await response.arrayBuffer()
    return response.status
  } catch {
    return 0
  }
}

/** What the site's subscription form sends (as JSON); the status, or 0 when cut off. */
export function subscribe(room: CrashRoom, email: string): Promise<number> {
  return fetch(`${room.cmsUrl}/subscriptions/subscribe`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ email, locale: 'en', languages: ['en'] }),
  })
    .then(async (response) => {
      await response.arrayBuffer()
      return response.status
    })
    .catch(() => 0)
}
