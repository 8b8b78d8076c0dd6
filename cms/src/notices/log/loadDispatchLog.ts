import { relationId } from '@pressroom/shared'
import type { Payload, Where } from 'payload'
import { parseDocumentId } from '../../http/documentId.ts'
import { staffError } from '../../i18n/admin/staffError.ts'
import type { DispatchManualRecord, DispatchRecipient } from '../../payload-types.ts'

type Id = number | string
export type LogScope = { dispatch: Id } | { notice: Id } | { recipient: Id }

export type LogEntry = {
  row: DispatchRecipient
  notice: { id: Id; referenceNumber: string; title: string }
  recipientCountry: string | null
  manualRecords: DispatchManualRecord[]
}

export type DispatchLog = { scope: LogScope; title: string; entries: LogEntry[] }

/** The log rows of one dispatch, of every dispatch of one notice, or of one recipient. */
export async function loadDispatchLog(payload: Payload, scope: LogScope): Promise<DispatchLog> {
  const [field, id] = Object.entries(scope)[0] as [keyof LogScope & string, Id]
  const where: Where = { [field]: { equals: id } }
  const rows = await payload.find({
    collection: 'dispatch-recipients',
    where,
    pagination: false,
    depth: 0,
    sort: ['dispatch', 'recipientName'],
  })
  const rowIds = rows.docs.map((r) => r.id)
  const [records, notices, recipients] = await Promise.all([
    rowIds.length
      ? payload.find({
          collection: 'dispatch-manual-records',
          where: { dispatchRecipient: { in: rowIds } },
          pagination: false,
          depth: 1,
          sort: 'date',
        })
      : { docs: [] as DispatchManualRecord[] },
    payload.find({
      collection: 'notices',
      where: { id: { in: [...new Set(rows.docs.map((r) => relationId(r.notice)))] } },
      pagination: false,
      depth: 0,
      locale: 'en',
    }),
    payload.find({
      collection: 'recipients',
      where: { id: { in: [...new Set(rows.docs.map((r) => relationId(r.recipient)))] } },
      pagination: false,
      depth: 0,
      locale: 'en',
    }),
  ])
  const noticeById = new Map(notices.docs.map((n) => [String(n.id), n]))
  const recipientById = new Map(recipients.docs.map((r) => [String(r.id), r]))
  const entries = rows.docs.map((row) => {
    const notice = noticeById.get(String(relationId(row.notice)))
    return {
      row,
      notice: {
        id: relationId(row.notice),
        referenceNumber: notice?.referenceNumber ?? '',
        title: notice?.title ?? '',
      },
      recipientCountry: recipientById.get(String(relationId(row.recipient)))?.country ?? null,
      manualRecords: records.docs.filter((m) => String(relationId(m.dispatchRecipient)) === String(row.id)),
    }
  })
  return { scope, title: await describeScope(payload, scope), entries }
}

async function describeScope(payload: Payload, scope: LogScope): Promise<string> {
  if ('recipient' in scope) {
    const recipient = await payload.findByID({ collection: 'recipients', id: scope.recipient, depth: 0, locale: 'en' })
    return `Notices sent to ${recipient.name ?? `recipient ${recipient.id}`}`
  }
  const noticeId =
    'notice' in scope
      ? scope.notice
      : relationId((await payload.findByID({ collection: 'dispatches', id: scope.dispatch, depth: 0 })).notice)
  const notice = await payload.findByID({ collection: 'notices', id: noticeId, depth: 0, locale: 'en' })
  const prefix = 'dispatch' in scope ? `Dispatch ${scope.dispatch} of` : 'Dispatches of'
  return `${prefix} ${notice.referenceNumber ?? ''} ${notice.title}`.replace(/\s+/g, ' ')
}

/** Reads ?dispatch=, ?notice= or ?recipient= (exactly one). */
export function logScopeFrom(params: URLSearchParams): LogScope {
  const given = (['dispatch', 'notice', 'recipient'] as const).filter((key) => params.get(key))
  if (given.length !== 1) {
    throw staffError('dispatch', 'logScope', undefined, 400)
  }
  const key = given[0]!
  const value = params.get(key) ?? ''
  const id = parseDocumentId(value)
  if (id === undefined) throw staffError('dispatch', 'notAnId', { value }, 400)
  return { [key]: id } as LogScope
}
