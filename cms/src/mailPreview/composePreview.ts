import type { Locale } from '@pressroom/shared'
import type { PayloadRequest } from 'payload'
import type { OutgoingMessage } from '../mail/index.ts'
import { dispatchLanguages, dispatchPreviewMessage, readDispatch } from './dispatchPreview.ts'
import { publicationLanguages, publicationPreviewMessage, readDraftPublication } from './publicationPreview.ts'
import type { Target } from './requestParts.ts'
import { refuse, words } from './staffAnswers.ts'

/** One e-mail as the CMS would send it, the language it is in, the languages offered and a log label. */
export type ComposedPreview = { message: OutgoingMessage; locale: Locale; locales: Locale[]; label: string }

/** An error's message for staff, whatever was thrown. */
export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * The e-mail subscribers would receive for a publication's latest draft, in the language asked
 * (the first one ready when none is), or the refusal to answer with. The preview and the test
 * send show the same message.
 */
export async function composePublicationPreview(
  req: PayloadRequest,
  target: Target,
): Promise<ComposedPreview | Response> {
  const t = words(req)
  const doc = await readDraftPublication(req, target.collection!, target.id)
  if (!doc) return refuse(404, t('notFound'))
  const locales = publicationLanguages(doc)
  const locale = target.locale ?? locales[0]
  if (!locale || !locales.includes(locale)) return refuse(409, t('noLanguage'))
  const message = await publicationPreviewMessage(req, target.collection!, target.id, doc, locale)
  return { message, locale, locales, label: `${target.collection} ${target.id}: ${message.subject}` }
}

/** The e-mail an institution of a dispatch would receive, in one of its recipients' languages, or the refusal. */
export async function composeDispatchPreview(req: PayloadRequest, target: Target): Promise<ComposedPreview | Response> {
  const t = words(req)
  const dispatch = await readDispatch(req, target.id)
  if (!dispatch) return refuse(404, t('notFound'))
  const languages = await dispatchLanguages(req, dispatch)
  const language = languages.find((l) => l.locale === (target.locale ?? languages[0]?.locale))
  if (!language) return refuse(409, t('noLanguage'))
  try {
    const message = await dispatchPreviewMessage(req, dispatch, language)
    return {
      message,
      locale: language.locale,
      locales: languages.map((l) => l.locale),
      label: `dispatch ${dispatch.id}: ${dispatch.label ?? ''}`.trim(),
    }
  } catch (error) {
    return refuse(409, t('notReady', { reason: errorText(error) }))
  }
}
