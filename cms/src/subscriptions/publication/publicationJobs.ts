import { type DocumentCollection, documentCollections, isLocale, kindInfo, type Locale } from '@pressroom/shared'
import type { CollectionAfterChangeHook, Endpoint, PayloadRequest, TaskConfig } from 'payload'
import { releaseOf } from '../../access/embargo.ts'
import { hasRole } from '../../access/roles.ts'
import { sameOriginOnly } from '../../http/sameOrigin.ts'
import { adminT } from '../../i18n/admin/adminT.ts'
import { wakeQueueAt } from '../../jobs/wakeQueue.ts'
import { mailQueue } from '../../mail/index.ts'
import { refuseUnconfirmedPublicationSend } from './confirmationEndpoints.ts'
import { planPublicationSends } from './planPublicationSends.ts'
import { mailRunnerOn } from './releaseMailOncePageLive.ts'

/**
 * Publishing a press release plans its e-mail: a job on the `email` queue, held until the
 * embargo ends when there is one. The job is idempotent, so every published save may queue it
 * (a translation published later is sent then). Seeds and imports switch it off with
 * `context.disableMail`.
 */
export const queuePublicationSend: CollectionAfterChangeHook = async ({ doc, collection, req, context }) => {
  if (context.disableMail || collection.slug !== kindInfo('pressRelease').collection) return doc
  const release = releaseOf(doc)
  const waitUntil = release.released ? undefined : release.until
  // Not published, or an embargo that never lifts: nothing to send (a later save queues it).
  if (waitUntil === null) return doc
  await req.payload.jobs.queue({
    task: 'planPublicationSend',
    queue: mailQueue,
    input: { collection: collection.slug, id: doc.id },
    ...(waitUntil ? { waitUntil } : {}),
    req,
  })
  // Planned at the embargo's instant, not at the queue's next cron tick (docs/adr/0044).
  if (waitUntil) wakeQueueAt(req.payload, mailQueue, waitUntil, mailRunnerOn(), 5)
  return doc
}

export const planPublicationSendTask: TaskConfig<'planPublicationSend'> = {
  slug: 'planPublicationSend',
  label: 'Plan a publication e-mail',
  retries: 3,
  inputSchema: [
    { name: 'collection', type: 'text', required: true },
    { name: 'id', type: 'number', required: true },
  ],
  handler: async ({ input, req }) => {
    const collection = input.collection as DocumentCollection
    const result = await planPublicationSends(req.payload, { collection, id: input.id })
    if (result.status === 'embargoed') {
      // The embargo moved later since this job was queued: wait for the new instant.
      await req.payload.jobs.queue({
        task: 'planPublicationSend',
        queue: mailQueue,
        input: { collection, id: input.id },
        waitUntil: result.until,
      })
    }
    return { output: { status: result.status } }
  },
}

const fail = (status: number, error: string) => Response.json({ error }, { status })

/**
 * POST /api/mail/send-publication {collection, id, locales?, correction?: true, confirmation}
 * For publishers: e-mail a published statement, notice or press release to its subscribers (after
 * the grace period), or (correction) e-mail its latest correction note to those who received it.
 * `confirmation` is the token of GET /api/mail/publication-recipients: staff saw the counts.
 */
export const sendPublicationEndpoint: Endpoint = sameOriginOnly({
  path: '/mail/send-publication',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    const say = adminT(req.i18n.t, 'publicationMail')
    if (!hasRole(req.user, 'admin', 'editor')) {
      const action = adminT(req.i18n.t, 'access')('action:sendPublications')
      return fail(403, adminT(req.i18n.t, 'access')('publishersOnly', { action }))
    }
    let body: Record<string, unknown>
    try {
      body = (await req.json?.()) as Record<string, unknown>
    } catch {
      return fail(400, say('sendJson'))
    }
    const collection = body?.collection
    if (typeof collection !== 'string' || !documentCollections.includes(collection as DocumentCollection)) {
      return fail(400, say('collectionOneOf', { collections: documentCollections.join(', ') }))
    }
    const id = Number(body.id)
    if (!Number.isSafeInteger(id) || id <= 0) return fail(400, say('idNumeric'))
    const locales = body.locales === undefined ? undefined : body.locales
    if (locales !== undefined && (!Array.isArray(locales) || !locales.every(isLocale))) {
      return fail(400, say('localesList'))
    }
    let correction: { key: string } | undefined
    if (body.correction === true) {
      const doc = (await req.payload.findByID({
        collection: collection as DocumentCollection,
        id,
        depth: 0,
        disableErrors: true,
      })) as {
        changeNotes?: { kind?: string }[]
      } | null
      const count = doc?.changeNotes?.filter((n) => n.kind === 'correction').length ?? 0
      if (count === 0) return fail(400, say('noCorrection'))
      correction = { key: `c${count}` }
    }
    // Staff confirmed the counts they were shown (docs/adr/0039); a cancelled send starts again.
    const request = {
      collection: collection as DocumentCollection,
      id,
      locales: locales as Locale[] | undefined,
      correction,
      restart: true,
    }
    const unconfirmed = await refuseUnconfirmedPublicationSend(req, request, body.confirmation)
    if (unconfirmed) return unconfirmed
    const result = await planPublicationSends(req.payload, request)
    if (result.status === 'not-published') return fail(409, say('notPublished'))
    if (result.status === 'embargoed') return fail(409, say('embargoed', { until: result.until.toISOString() }))
    if (result.sends.length === 0) return fail(409, say('noLanguage'))
    const fresh = result.sends.filter((s) => s.created)
    const variants = adminT(req.i18n.t, 'langNotices')
    // A bilingual e-mail or a notice says so (docs/adr/0045); a per-language send names its language.
    const planned = (s: (typeof fresh)[number]) =>
      s.variant === 'bilingual'
        ? variants('plannedBilingual', { count: s.planned, languages: s.languages })
        : s.variant === 'notice'
          ? variants('plannedNotice', { count: s.planned, language: s.locale })
          : say('plannedIn', { count: s.planned, language: s.locale })
    return Response.json(
      {
        message: fresh.length
          ? say('planned', {
              sends: fresh.map(planned).join(', '),
            })
          : say('alreadySent'),
        sends: result.sends,
        holdUntil: result.holdUntil?.toISOString() ?? null,
      },
      { status: fresh.length ? 201 : 200 },
    )
  },
})
