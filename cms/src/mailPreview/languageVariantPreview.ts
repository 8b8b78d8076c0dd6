import { kindByCollection, type Locale, localeCodes } from '@pressroom/shared'
import type { PayloadRequest } from 'payload'
import { mailSettings, personalize } from '../mail/index.ts'
import { publicationMail } from '../subscriptions/publication/publicationMessage.ts'
import type { ComposedPreview } from './composePreview.ts'
import { publicationLanguages, readDraftPublication } from './publicationPreview.ts'
import type { Target } from './requestParts.ts'
import { sampleSubscriberLinks } from './sampleLinks.ts'
import { refuse, words } from './staffAnswers.ts'

/** The language-aware e-mails a preview can show besides the per-language one (docs/adr/0045). */
export const previewVariants = ['bilingual', 'notice'] as const
export type PreviewVariant = (typeof previewVariants)[number]

export const previewVariantOf = (req: PayloadRequest): PreviewVariant | undefined => {
  const asked = req.searchParams?.get('variant')
  return previewVariants.find((v) => v === asked)
}

type Localized<T> = Partial<Record<Locale, T>> | undefined

/**
 * A draft's bilingual e-mail (every language it is written in, at least two), or the notice a
 * subscriber of `target.locale` (else the first other language) would get that it exists only in
 * its first language: from the real composers, with sample links.
 */
export async function composeLanguageVariantPreview(
  req: PayloadRequest,
  target: Target,
  variant: PreviewVariant,
): Promise<ComposedPreview | Response> {
  const t = words(req)
  const doc = await readDraftPublication(req, target.collection!, target.id)
  if (!doc) return refuse(404, t('notFound'))
  const written = publicationLanguages(doc)
  const settings = await mailSettings(req.payload)
  const kind = kindByCollection(target.collection!).kind
  const title = (locale: Locale) => (doc.title as Localized<string>)?.[locale] ?? ''
  const { bilingualTemplate, languageNoticeTemplate } = await import('../subscriptions/languageEmails.tsx')
  const label = `${target.collection} ${target.id} (${variant})`
  if (variant === 'bilingual') {
    if (written.length < 2) return refuse(409, t('noLanguage'))
    const mails = written.map((locale) =>
      publicationMail({ doc, id: target.id, kind, locale, title: title(locale), settings }),
    )
    const message = personalize(await bilingualTemplate(mails), '', sampleSubscriberLinks)
    return { message, locale: written[0]!, locales: written, label }
  }
  const original = written.find((l) => l !== target.locale)
  const locale = localeCodes.find((l) => l !== original && (!target.locale || l === target.locale))
  if (!original || !locale) return refuse(409, t('noLanguage'))
  const template = await languageNoticeTemplate({
    locale,
    org: settings.organizationName[locale],
    from: settings.from,
    kindLabel: publicationMail({ doc, id: target.id, kind, locale, title: '', settings }).kindLabel,
    title: title(original),
    original,
    webUrl: publicationMail({ doc, id: target.id, kind, locale: original, title: '', settings }).webUrl,
  })
  return { message: personalize(template, '', sampleSubscriberLinks), locale, locales: written, label }
}
