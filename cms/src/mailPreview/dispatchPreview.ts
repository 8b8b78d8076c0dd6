import { defaultLocale, isLocale, type Locale, localeCodes, relationId } from '@pressroom/shared'
import type { PayloadRequest, Where } from 'payload'
import { type OutgoingMessage, personalize } from '../mail/index.ts'
import { noticeMessages } from '../notices/dispatch/noticeMessage.ts'
import type { Dispatch } from '../payload-types.ts'
import { sampleAcknowledgementLink } from './sampleLinks.ts'

/** A dispatch as the signed-in staff member may read it (their own access), or null. */
export async function readDispatch(req: PayloadRequest, id: number): Promise<Dispatch | null> {
  return (await req.payload
    .findByID({
      collection: 'dispatches',
      id,
      depth: 0,
      overrideAccess: false,
      user: req.user,
      disableErrors: true,
    })
    .catch(() => null)) as Dispatch | null
}

export type DispatchLanguage = { locale: Locale; sampleName: string }

/**
 * The languages the dispatch's chosen recipients prefer (active ones, from its groups and its
 * individual choices), each with the name of one of them to show in the greeting. A dispatch
 * with nobody chosen yet shows every language, so its e-mail can be checked before choosing.
 */
export async function dispatchLanguages(req: PayloadRequest, dispatch: Dispatch): Promise<DispatchLanguage[]> {
  const groups = (dispatch.groups ?? []).map(relationId)
  const chosen = (dispatch.recipients ?? []).map(relationId)
  const or: Where[] = [
    ...(groups.length ? [{ groups: { in: groups } }] : []),
    ...(chosen.length ? [{ id: { in: chosen } }] : []),
  ]
  const found = or.length
    ? await req.payload.find({
        collection: 'recipients',
        where: { and: [{ or }, { active: { not_equals: false } }] },
        locale: 'all',
        depth: 0,
        sort: 'id',
        pagination: false,
        select: { name: true, preferredLanguage: true },
      })
    : { docs: [] }
  const byLocale = new Map<Locale, string>()
  for (const doc of found.docs as { id: number; name?: unknown; preferredLanguage?: unknown }[]) {
    const locale = isLocale(doc.preferredLanguage) ? doc.preferredLanguage : defaultLocale
    const names = (doc.name ?? {}) as Partial<Record<Locale, string>>
    if (!byLocale.has(locale)) byLocale.set(locale, names[locale] || names[defaultLocale] || `#${doc.id}`)
  }
  if (byLocale.size === 0) return localeCodes.map((locale) => ({ locale, sampleName: '—' }))
  return localeCodes.filter((l) => byLocale.has(l)).map((locale) => ({ locale, sampleName: byLocale.get(locale)! }))
}

/**
 * The e-mail an institution preferring `locale` would receive, from the real composer
 * (noticeMessages: the notice's public text and its PDF edition), greeting `sampleName`, with a
 * sample acknowledgement link that records nothing. Throws, as a real send would, when the
 * notice is not public.
 */
export async function dispatchPreviewMessage(
  req: PayloadRequest,
  dispatch: Dispatch,
  language: DispatchLanguage,
): Promise<OutgoingMessage> {
  const notice = await noticeMessages(req.payload)(relationId(dispatch.notice), language.locale)
  return personalize(notice.template, '', {
    recipientName: language.sampleName,
    acknowledgementLink: sampleAcknowledgementLink,
  })
}
