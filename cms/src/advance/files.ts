import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { documentPath, type Locale, relationId } from '@pressroom/shared'
import type { Payload } from 'payload'
import { mailSettings } from '../mail/index.ts'
import type { EmbargoedRelease } from './release.ts'

/** The PDF edition of the release in `locale`, rendered as the site will render it at the instant. */
export async function advancePdf(
  payload: Payload,
  release: EmbargoedRelease,
  locale: Locale,
): Promise<{ pdf: Uint8Array; filename: string }> {
  // pdfkit and the fonts load only when someone asks for a PDF.
  const { editionFilename, editionFromPublication, renderPdfEdition } = await import('@pressroom/shared/editions')
  const lang = release.languages.includes(locale) ? locale : release.languages[0]!
  const settings = await mailSettings(payload)
  const edition = editionFromPublication(release.byLocale[lang] as never, {
    locale: lang,
    kind: 'pressRelease',
    organizationName: settings.organizationName[lang],
    url: `${settings.siteUrl}${documentPath(lang, 'pressRelease', release.slug)}`,
    defaultZone: settings.timeZone,
  })
  return { pdf: await renderPdfEdition(edition), filename: `embargoed-${editionFilename(edition)}` }
}

/**
 * The press kit of the release: its PDF edition in every language it has and the files attached
 * to it, as one ZIP. Only the release's own files: the link opens nothing else unreleased.
 */
export async function advanceKit(
  payload: Payload,
  release: EmbargoedRelease,
): Promise<{ zip: Uint8Array; filename: string }> {
  const { buildZip, safeName } = await import('@pressroom/shared/editions')
  const entries: { path: string; data: Uint8Array }[] = []
  for (const locale of release.languages) {
    const { pdf, filename } = await advancePdf(payload, release, locale)
    entries.push({ path: filename, data: pdf })
  }
  const base: Record<string, unknown> = release.byLocale[release.languages[0]!] ?? {}
  const ids = Array.isArray(base.documents) ? base.documents.map((d: unknown) => relationId(d)) : []
  const staticDir = payload.collections.documents.config.upload.staticDir ?? ''
  for (const id of ids) {
    const file = (await payload.findByID({
      collection: 'documents',
      id: id as number,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })) as { filename?: string } | null
    if (!file?.filename) continue
    const data = await readFile(path.join(staticDir, path.basename(file.filename))).catch(() => null)
    if (data) entries.push({ path: `files/${safeName(file.filename)}`, data: new Uint8Array(data) })
  }
  return { zip: await buildZip(entries), filename: `embargoed-${safeName(release.slug)}-kit.zip` }
}
