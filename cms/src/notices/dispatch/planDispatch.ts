import { defaultLocale, type Locale, relationId } from '@pressroom/shared'
import { APIError, type Payload, type PayloadRequest, type Where } from 'payload'
import { inTransaction, sameTransaction } from '../../db/transaction.ts'
import { updateRowIf } from '../../db/updateRowIf.ts'
import { staffError } from '../../i18n/admin/staffError.ts'
import { leaseCutoff } from '../../jobs/index.ts'
import type { Dispatch, Notice, Recipient } from '../../payload-types.ts'
import { chooseChannel, type DeliveryChannel } from '../directory.ts'
import { mailDeliveryKey, sendNoticeEmails } from './sendNoticeEmails.ts'

type Id = number | string
/** Only a published notice, with its reference number, can be sent to institutions. */
export async function assertNoticePublished(payload: Payload, id: Id, req?: PayloadRequest): Promise<Notice> {
  const notice = await payload.findByID({ collection: 'notices', id, depth: 0, req }).catch(() => null)
  if (!notice) throw staffError('dispatch', 'noticeMissing', { id }, 400)
  if (notice._status !== 'published' || !notice.referenceNumber) {
    throw staffError('dispatch', 'noticeNotPublished', { title: notice.title ?? '' }, 400)
  }
  return notice
}

export type PlannedDispatch = {
  dispatchId: Id
  /** Rows created by this call. */
  created: number
  /** Rows that already existed (a resumed plan). */
  existing: number
  total: number
  byChannel: Partial<Record<DeliveryChannel, number>>
  /** Recipients chosen individually who have been deactivated since. */
  skippedInactive: string[]
}

type RecipientAllLocales = Omit<Recipient, 'name'> & { name?: Partial<Record<Locale, string | null>> | null }

/**
 * Resolves a draft dispatch to its log: one row per recipient, however many chosen groups a
 * recipient is in (and a unique index on dispatch × recipient makes a second row impossible),
 * and hands its e-mail rows to the delivery core. The claim (one conditional UPDATE, so two
 * clicks plan once), the rows, the `planned` status and the hand-over are one transaction: a
 * crash or an error leaves the draft as it was (docs/adr/0029). A dispatch left `planning` by
 * a process that stopped before planning was one transaction is taken over once its lease ran
 * out, by staff or by the CMS's sweeper (resumeInterruptedPlanning, docs/adr/0026), which only
 * adds the missing rows.
 */
export async function planDispatch(payload: Payload, dispatchId: Id): Promise<PlannedDispatch> {
  const dispatch = await payload.findByID({ collection: 'dispatches', id: dispatchId, depth: 0 }).catch(() => null)
  if (!dispatch) throw staffError('dispatch', 'dispatchMissing', { id: dispatchId }, 404)
  try {
    return await inTransaction(payload, async (req) => {
      await claimForPlanning(payload, dispatch, req)
      return await planClaimed(payload, dispatch, req)
    })
  } catch (error) {
    // An interrupted plan whose notice or choice is refused now, and that has no row: back to draft.
    if (error instanceof APIError && error.status === 400 && dispatch.status === 'planning') {
      const rows = await payload.count({
        collection: 'dispatch-recipients',
        where: { dispatch: { equals: dispatch.id } },
      })
      if (rows.totalDocs === 0) {
        await updateRowIf(payload, 'dispatches', dispatch.id, [{ column: 'status', equals: 'planning' }], {
          status: 'draft',
        })
      }
    }
    throw error
  }
}

async function claimForPlanning(payload: Payload, dispatch: Dispatch, req: PayloadRequest): Promise<void> {
  if (dispatch.status === 'draft') {
    const claimed = await updateRowIf(
      payload,
      'dispatches',
      dispatch.id,
      [{ column: 'status', equals: 'draft' }],
      { status: 'planning' },
      req,
    )
    if (!claimed) throw staffError('dispatch', 'beingPlanned', undefined, 409)
  } else if (dispatch.status === 'planning') {
    // Its planner's lease ran out (the process stopped): take the planning over; otherwise it is still going.
    const claimed = await updateRowIf(
      payload,
      'dispatches',
      dispatch.id,
      [
        { column: 'status', equals: 'planning' },
        { column: 'updatedAt', lessThan: leaseCutoff() },
      ],
      { status: 'planning' },
      req,
    )
    if (!claimed) {
      throw staffError('dispatch', 'beingPlannedNow', undefined, 409)
    }
  } else {
    throw staffError('dispatch', 'alreadyPlanned', { status: { word: `status:${dispatch.status}` } }, 409)
  }
}

async function planClaimed(payload: Payload, dispatch: Dispatch, req: PayloadRequest): Promise<PlannedDispatch> {
  const notice = await assertNoticePublished(payload, relationId(dispatch.notice), req)
  const { recipients, skippedInactive } = await resolveRecipients(payload, dispatch, req)
  if (recipients.length === 0) {
    throw staffError('dispatch', 'noActiveRecipient', undefined, 400)
  }
  const existingRows = await payload.find({
    collection: 'dispatch-recipients',
    where: { dispatch: { equals: dispatch.id } },
    pagination: false,
    depth: 0,
    req,
  })
  const existing = new Map(existingRows.docs.map((row) => [String(relationId(row.recipient)), row]))
  const byChannel: PlannedDispatch['byChannel'] = {}
  // Rows of an interrupted plan are handed over again too: planning a send twice changes nothing.
  const emailRows: Id[] = existingRows.docs.filter((row) => row.channel === 'email').map((row) => row.id)
  let created = 0
  const queuedAt = new Date().toISOString()
  for (const recipient of recipients) {
    const emails = (recipient.emails ?? []).map((e) => e.address)
    const channel = chooseChannel(recipient.preferredChannels ?? [], emails)
    byChannel[channel] = (byChannel[channel] ?? 0) + 1
    const before = existing.get(String(recipient.id))
    if (before) {
      // A create cut short by a crash before plans were transactions (its address list came after the row).
      if (before.channel === 'email' && (before.emailAddresses ?? []).length === 0 && emails.length > 0) {
        await payload.update({
          collection: 'dispatch-recipients',
          id: before.id,
          data: { emailAddresses: emails },
          req,
        })
      }
      continue
    }
    const language = recipient.preferredLanguage
    const row = await payload.create({
      collection: 'dispatch-recipients',
      depth: 0,
      data: {
        dispatch: dispatch.id,
        notice: notice.id,
        recipient: recipient.id,
        recipientName: recipient.name?.[language] || recipient.name?.[defaultLocale] || `#${recipient.id}`,
        emailAddresses: channel === 'email' ? emails : [],
        channel,
        language,
        status: 'queued',
        attempt: 1,
        queuedAt,
        mailDeliveryKey: channel === 'email' ? mailDeliveryKey(dispatch.id, recipient.id, 1) : undefined,
      },
      req,
    })
    created += 1
    if (channel === 'email') emailRows.push(row.id)
  }
  await payload.update({
    collection: 'dispatches',
    id: dispatch.id,
    depth: 0,
    data: { status: 'planned', plannedAt: new Date().toISOString(), recipientCount: recipients.length },
    req,
  })
  await sendNoticeEmails(payload, { dispatchId: dispatch.id, dispatchRecipientIds: emailRows, reason: 'planned' }, req)
  return {
    dispatchId: dispatch.id,
    created,
    existing: existing.size,
    total: recipients.length,
    byChannel,
    skippedInactive,
  }
}

/** The active recipients a dispatch's groups and chosen recipients come to, each once (counted by dispatchRecipientCounts). */
export async function resolveRecipients(
  payload: Payload,
  dispatch: Dispatch,
  req?: PayloadRequest,
): Promise<{ recipients: RecipientAllLocales[]; skippedInactive: string[] }> {
  const groupIds = (dispatch.groups ?? []).map(relationId)
  const chosenIds = (dispatch.recipients ?? []).map(relationId)
  const or: Where[] = [
    ...(groupIds.length ? [{ groups: { in: groupIds } }] : []),
    ...(chosenIds.length ? [{ id: { in: chosenIds } }] : []),
  ]
  if (or.length === 0) return { recipients: [], skippedInactive: [] }
  const found = await payload.find({
    collection: 'recipients',
    where: { or },
    locale: 'all',
    pagination: false,
    depth: 0,
    sort: 'id',
    req: req ? sameTransaction(req) : undefined,
  })
  const unique = new Map<string, RecipientAllLocales>()
  const skippedInactive: string[] = []
  for (const doc of found.docs as unknown as RecipientAllLocales[]) {
    if (doc.active === false) {
      if (chosenIds.map(String).includes(String(doc.id))) skippedInactive.push(doc.name?.en ?? `#${doc.id}`)
      continue
    }
    unique.set(String(doc.id), doc)
  }
  return { recipients: [...unique.values()], skippedInactive }
}
