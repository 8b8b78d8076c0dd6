import { isLocale } from '../locales.ts'
import { dateLine, editionLabels, fallbackNotice, formatEditionDate } from './labels.ts'
import { bodySize, colors, lineGap, margins, renderPdf, type Writer } from './pdfLayout.ts'
import type { EditionDocument } from './types.ts'

/**
 * Renders one language edition as a formal A4 document. The bytes depend only on `edition`
 * (and the pinned pdfkit and font versions): the PDF's dates and file ID are taken from the
 * document's own date line and change notes, never from the clock (see ADR 0013).
 */
export async function renderPdfEdition(edition: EditionDocument): Promise<Uint8Array> {
  checkEdition(edition)
  const created = new Date(edition.date)
  return renderPdf(
    {
      locale: edition.locale,
      title: `${edition.title} (${edition.referenceNumber})`,
      author: edition.organizationName,
      subject: edition.summary?.trim() || edition.title,
      keywords: edition.referenceNumber,
      created,
      modified: editionLastChange(edition),
      baseUrl: edition.url,
      footer: edition.referenceNumber,
    },
    (writer) => {
      writeHeader(writer, edition)
      writer.blocks(edition.body, 0)
      writeClosing(writer, edition)
    },
  )
}

function checkEdition(edition: EditionDocument) {
  const problems: string[] = []
  if (!isLocale(edition.locale)) problems.push(`unknown locale "${String(edition.locale)}"`)
  if (!edition.title?.trim()) problems.push('no title')
  if (!edition.referenceNumber?.trim()) problems.push('no reference number (only published documents have one)')
  if (Number.isNaN(Date.parse(edition.date))) problems.push(`"${edition.date}" is not an ISO date`)
  for (const note of edition.changeNotes ?? []) {
    if (Number.isNaN(Date.parse(note.date))) problems.push(`change note date "${note.date}" is not an ISO date`)
  }
  if (problems.length) {
    throw new Error(`Cannot render the PDF edition of "${edition.title ?? '?'}": ${problems.join('; ')}.`)
  }
}

/** The latest of the date line and the change notes: the edition changes only when they do. */
export function editionLastChange(edition: EditionDocument): Date {
  let latest = Date.parse(edition.date)
  for (const note of edition.changeNotes ?? []) latest = Math.max(latest, Date.parse(note.date))
  return new Date(latest)
}

function writeHeader(w: Writer, edition: EditionDocument) {
  const labels = editionLabels(edition.locale)
  w.text(edition.organizationName, { size: 12.5, style: 'bold', align: 'center', gapAfter: 2 })
  w.rule(4, 10)
  w.split(labels.kind[edition.kind].toUpperCase(), labels.referenceNumber(edition.referenceNumber), 'bold', 10.5)
  w.text(dateLine(edition.place, edition.date, edition.locale, edition.zone), {
    size: 10.5,
    color: colors.muted,
    gapAfter: 18,
  })

  if (edition.kind === 'notice' && edition.addressees?.length) {
    w.text(`${labels.to}:`, { size: bodySize, style: 'bold', gapAfter: 2 })
    for (const group of edition.addressees) w.text(group, { indent: 14, gapAfter: 1 })
    w.gap(14)
  }

  if (edition.isFallback) {
    const notice = edition.fallbackNotice?.trim() || fallbackNotice(edition.locale)
    const { doc } = w
    doc.font('italic').fontSize(9.5)
    const height = doc.heightOfString(notice, { width: w.width - 8, lineGap }) + 12
    w.keep(height)
    const top = doc.y
    doc.rect(margins.left, top, w.width, height).fill(colors.box)
    w.gap(6)
    w.inlines([{ text: notice }], { size: 9.5, style: 'italic', indent: 8, color: colors.muted })
    doc.y = top + height + 14
  }

  w.text(edition.title, { size: 17, style: 'bold', gapAfter: 10 })
  if (edition.summary?.trim()) w.text(edition.summary.trim(), { size: 12, style: 'italic', gapAfter: 12 })
  w.gap(4)
}

function writeClosing(w: Writer, edition: EditionDocument) {
  const labels = editionLabels(edition.locale)
  if (edition.kind === 'notice' && edition.formalClosing?.trim()) {
    w.gap(6)
    w.text(edition.formalClosing.trim(), { gapAfter: 10 })
  }
  const signatories = (edition.signatories ?? []).filter((s) => s.name.trim())
  if (edition.kind === 'statement' && signatories.length) {
    w.gap(10)
    w.keep(60)
    w.text(`${labels.signatories}:`, { size: 10, style: 'italic', color: colors.muted, gapAfter: 4 })
    for (const signatory of signatories) {
      w.text(signatory.name.trim(), { style: 'bold', gapAfter: signatory.role?.trim() ? 0 : 6 })
      if (signatory.role?.trim()) w.text(signatory.role.trim(), { size: 10, color: colors.muted, gapAfter: 6 })
    }
  }
  const notes = [...(edition.changeNotes ?? [])].sort((a, b) => Date.parse(a.date) - Date.parse(b.date))
  if (notes.length) {
    w.gap(8)
    w.keep(50)
    w.rule(0, 8)
    w.text(labels.changes, { size: 10.5, style: 'bold', gapAfter: 4 })
    for (const note of notes) {
      w.inlines(
        [
          {
            text: `${formatEditionDate(note.date, edition.locale, edition.zone)} — ${labels.changeKind[note.kind]}: `,
            bold: true,
          },
          { text: note.note.trim() },
        ],
        { size: 10, gapAfter: 4 },
      )
    }
  }
  w.gap(12)
  w.keep(edition.citeUrl ? 44 : 30)
  if (edition.citeUrl) {
    w.inlines(
      [
        { text: `${labels.citeAs}: `, bold: true },
        { text: edition.citeUrl, href: edition.citeUrl },
      ],
      {
        size: 9.5,
        gapAfter: 2,
      },
    )
  }
  w.inlines([{ text: `${labels.online}: ` }, { text: edition.url, href: edition.url }], {
    size: 9.5,
    color: colors.muted,
  })
}
