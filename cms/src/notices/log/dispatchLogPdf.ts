import { relationId } from '@pressroom/shared'
import PDFDocument from 'pdfkit'
import { deliveryChannels, dispatchRecipientStatuses } from '../directory.ts'
import type { DispatchLog, LogEntry } from './loadDispatchLog.ts'

const channelLabel = (value: string) => deliveryChannels.find((c) => c.value === value)?.label.en ?? value
const statusLabel = (value: string) => dispatchRecipientStatuses.find((s) => s.value === value)?.label.en ?? value
const time = (iso: string | null | undefined) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : '')

type Column = { title: string; width: number; cell: (entry: LogEntry) => string }

const columns: Column[] = [
  { title: 'Notice', width: 80, cell: (e) => e.notice.referenceNumber },
  { title: 'Recipient', width: 170, cell: (e) => e.row.recipientName ?? '' },
  { title: 'Country', width: 45, cell: (e) => e.recipientCountry ?? '' },
  { title: 'Channel', width: 70, cell: (e) => channelLabel(e.row.channel) },
  { title: 'Lang.', width: 32, cell: (e) => e.row.language.toUpperCase() },
  { title: 'Status', width: 85, cell: (e) => statusLabel(e.row.status) },
  { title: 'Sent (UTC)', width: 70, cell: (e) => time(e.row.sentAt) },
  {
    title: 'Delivered (UTC)',
    width: 70,
    cell: (e) =>
      time(e.row.deliveredAt) || time(e.row.manualAt) || (e.row.bouncedAt ? `bounced ${time(e.row.bouncedAt)}` : ''),
  },
  { title: 'Acknowledged (UTC)', width: 80, cell: (e) => time(e.row.acknowledgedAt) },
]

/**
 * The dispatch log as an A4 landscape report, with every staff record and re-send listed under its
 * row, in the PDF editions' PT Serif (Latin and Cyrillic; pdfkit embeds the glyphs it uses).
 */
export async function dispatchLogPdf(log: DispatchLog, generatedAt = new Date()): Promise<Buffer> {
  // Loaded when a log is exported, not with the collection that serves it.
  const { editionFonts } = await import('@pressroom/shared/editions')
  const { regular, bold } = editionFonts()
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 36,
    // pdfkit opens a font from its bytes as from its path; its types name only the path.
    font: regular as unknown as string,
    info: { Title: log.title, Subject: 'Dispatch log', Creator: 'Press room' },
  })
  doc.registerFont('regular', regular)
  doc.registerFont('bold', bold)
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  const left = doc.page.margins.left
  doc.font('bold').fontSize(15).text(log.title)
  doc.font('regular').fontSize(9).fillColor('#444')
  doc.text(
    `Generated ${generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${log.entries.length} recipient rows`,
  )
  const counts = dispatchRecipientStatuses
    .map((s) => [s.label.en, log.entries.filter((e) => e.row.status === s.value).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label}: ${n}`)
  if (counts.length) doc.text(counts.join(' · '))
  doc.fillColor('#000').moveDown(0.8)

  const header = () => {
    doc.font('bold').fontSize(8)
    drawRow(columns.map((c) => c.title))
    doc.font('regular')
  }
  const drawRow = (cells: string[]) => {
    const y = doc.y
    const heights = cells.map((text, i) => doc.heightOfString(text, { width: columns[i]!.width - 4 }))
    const height = Math.max(...heights, 10)
    let x = left
    cells.forEach((text, i) => {
      doc.text(text, x, y, { width: columns[i]!.width - 4 })
      x += columns[i]!.width
    })
    doc.y = y + height + 3
    doc.x = left
    doc
      .moveTo(left, doc.y - 1.5)
      .lineTo(left + columns.reduce((sum, c) => sum + c.width, 0), doc.y - 1.5)
      .lineWidth(0.3)
      .strokeColor('#999')
      .stroke()
  }
  const bottom = () => doc.page.height - doc.page.margins.bottom

  header()
  doc.fontSize(8)
  for (const entry of log.entries) {
    const notes = [
      ...entry.manualRecords.map((m) => {
        const proof = typeof m.proof === 'object' ? m.proof.filename : `proof #${String(relationId(m.proof))}`
        return `Recorded by staff: ${channelLabel(m.channel)} on ${m.date.slice(0, 10)}, proof ${proof}${m.note ? ` — ${m.note}` : ''}`
      }),
      ...(entry.row.resends ?? []).map(
        (r) => `Re-send requested ${time(r.requestedAt)} (attempt ${r.attempt}): ${r.reason}`,
      ),
      ...(entry.row.bounceReason ? [`Bounce: ${entry.row.bounceReason}`] : []),
    ]
    if (doc.y + 30 + notes.length * 10 > bottom()) {
      doc.addPage()
      header()
      doc.fontSize(8)
    }
    drawRow(columns.map((c) => c.cell(entry)))
    for (const note of notes) {
      doc.fillColor('#333').text(note, left + 20, doc.y, { width: 700 })
      doc.fillColor('#000')
      doc.x = left
    }
  }
  if (log.entries.length === 0) doc.text('No recipients in this log yet.')
  doc.end()
  return finished
}
