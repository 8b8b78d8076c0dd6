import PDFDocument from 'pdfkit'
import { type Locale, localeInfo } from '../locales.ts'
import { editionFontFaces, type FontStyle, fontStyle } from './fonts.ts'
import { editionLabels } from './labels.ts'
import type { Block, Inline } from './types.ts'

export type Doc = PDFKit.PDFDocument

export const margins = { top: 62, bottom: 78, left: 72, right: 72 }
export const colors = { text: '#111111', muted: '#4a4a4a', link: '#1a4a8a', rule: '#8c8c8c', box: '#efefef' }
export const bodySize = 11
export const lineGap = 2.5

type TextOptions = {
  size?: number
  style?: FontStyle
  color?: string
  /** Distance from the left margin. */
  indent?: number
  align?: 'left' | 'center' | 'right'
  gapAfter?: number
}

export type PdfMeta = {
  locale: Locale
  title: string
  author: string
  subject: string
  keywords: string
  /** Written as the PDF's CreationDate and ModDate, and the source of its file ID: never the clock. */
  created: Date
  modified: Date
  /** Relative links are resolved against this address. */
  baseUrl: string
  /** Printed at the left of every page's footer. */
  footer: string
}

/**
 * Lays out one A4 PDF with the embedded fonts and collects its bytes. The result depends only
 * on `meta`, what `draw` writes, and the pinned pdfkit and font versions (ADR 0013).
 */
export async function renderPdf(meta: PdfMeta, draw: (writer: Writer) => void): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margins,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: localeInfo(meta.locale).hreflang,
    displayTitle: true,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Keywords: meta.keywords,
      Creator: 'Press room',
      Producer: 'PDFKit',
      CreationDate: meta.created,
      ModDate: meta.modified,
    },
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve)
    doc.on('error', reject)
  })
  const fonts = editionFontFaces()
  // pdfkit takes a parsed font in place of its bytes (PDFFontFactory.open); its types do not say so.
  for (const style of Object.keys(fonts) as FontStyle[]) doc.registerFont(style, fonts[style] as unknown as Buffer)
  draw(new Writer(doc, meta.baseUrl))
  writeFooters(doc, meta)
  doc.end()
  await finished
  return new Uint8Array(Buffer.concat(chunks))
}

export class Writer {
  readonly width: number
  readonly doc: Doc
  /** The web page's URL, against which relative links are resolved. */
  readonly base: string

  // Plain fields, not parameter properties: Node loads this module without a compiler (erasable syntax only).
  constructor(doc: Doc, base: string) {
    this.doc = doc
    this.base = base
    this.width = doc.page.width - margins.left - margins.right
  }

  get bottom() {
    return this.doc.page.height - margins.bottom
  }

  /** Starts a new page unless `height` points still fit on this one. */
  keep(height: number) {
    if (this.doc.y + height > this.bottom) this.doc.addPage()
  }

  gap(points: number) {
    this.doc.y += points
  }

  text(text: string, options: TextOptions = {}) {
    this.inlines([{ text }], options)
  }

  /** A paragraph of runs with their own styles and links, wrapped as one flow of text. */
  inlines(inlines: Inline[], options: TextOptions = {}) {
    const runs = inlines
      .map((run) => ({ ...run, text: run.text.replace(/\t/g, ' ') }))
      .filter((run) => run.text.length > 0)
    if (runs.length === 0) return
    const { doc } = this
    const size = options.size ?? bodySize
    const indent = options.indent ?? 0
    const baseStyle = options.style ?? 'regular'
    doc.x = margins.left + indent
    const baseBold = baseStyle === 'bold' || baseStyle === 'boldItalic'
    const baseItalic = baseStyle === 'italic' || baseStyle === 'boldItalic'
    runs.forEach((run, index) => {
      doc.font(fontStyle(run.bold || baseBold, run.italic || baseItalic)).fontSize(size)
      doc.fillColor(run.href ? colors.link : run.code ? colors.muted : (options.color ?? colors.text))
      const textOptions: PDFKit.Mixins.TextOptions = {
        continued: index < runs.length - 1,
        width: this.width - indent,
        align: options.align ?? 'left',
        lineGap,
        link: run.href ? absoluteHref(run.href, this.base) : null,
        underline: Boolean(run.underline || run.href),
        strike: Boolean(run.strikethrough),
      }
      if (index === 0) doc.text(run.text, margins.left + indent, doc.y, textOptions)
      else doc.text(run.text, textOptions)
    })
    doc.x = margins.left
    this.gap(options.gapAfter ?? 0)
  }

  rule(gapBefore = 4, gapAfter = 10) {
    const { doc } = this
    this.gap(gapBefore)
    doc
      .moveTo(margins.left, doc.y)
      .lineTo(margins.left + this.width, doc.y)
      .lineWidth(0.5)
      .strokeColor(colors.rule)
      .stroke()
    this.gap(gapAfter)
  }

  /** Two texts on one line, one at each margin. */
  split(left: string, right: string, style: FontStyle, size: number) {
    const { doc } = this
    const y = doc.y
    doc.font(style).fontSize(size).fillColor(colors.text)
    doc.text(left, margins.left, y, { width: this.width / 2, align: 'left', lineBreak: false })
    doc.text(right, margins.left + this.width / 2, y, { width: this.width / 2, align: 'right', lineBreak: false })
    doc.x = margins.left
    doc.y = y + doc.currentLineHeight(true) + lineGap
  }

  heading(inlines: Inline[], level: number, indent: number) {
    const size = level <= 2 ? 14 : level === 3 ? 12.5 : bodySize
    const style: FontStyle = level <= 3 ? 'bold' : 'boldItalic'
    const text = inlines.map((i) => i.text).join('')
    if (!text.trim()) return
    this.doc.font(style).fontSize(size)
    // Keep a heading with the first lines that follow it.
    this.keep(this.doc.heightOfString(text, { width: this.width - indent }) + 3 * (bodySize + lineGap + 3))
    this.gap(6)
    if (level <= 3) this.doc.outline.addItem(text)
    this.inlines(inlines, { size, style, indent, gapAfter: 6 })
  }

  blocks(blocks: Block[], indent: number, gapAfter = 8) {
    for (const block of blocks) this.block(block, indent, gapAfter)
  }

  block(block: Block, indent: number, gapAfter: number) {
    const { doc } = this
    switch (block.type) {
      case 'heading':
        this.heading(block.inlines, block.level, indent)
        break
      case 'paragraph':
        this.inlines(block.inlines, { indent, gapAfter })
        break
      case 'quote': {
        const page = doc.bufferedPageRange().count
        const top = doc.y
        this.inlines(block.inlines, { indent: indent + 22, style: 'italic', gapAfter: 0 })
        if (doc.bufferedPageRange().count === page) {
          doc
            .moveTo(margins.left + indent + 8, top + 2)
            .lineTo(margins.left + indent + 8, doc.y - lineGap)
            .lineWidth(1.5)
            .strokeColor(colors.rule)
            .stroke()
        }
        this.gap(gapAfter)
        break
      }
      case 'list':
        block.items.forEach((item, index) => {
          const marker = block.ordered ? `${index + 1}.` : '•'
          doc.font('regular').fontSize(bodySize)
          this.keep(doc.currentLineHeight(true) + lineGap)
          const y = doc.y
          doc.fillColor(colors.text).text(marker, margins.left + indent, y, { width: 20, lineBreak: false })
          doc.y = y
          this.blocks(item, indent + 22, 3)
          if (doc.y < y + doc.currentLineHeight(true)) doc.y = y + doc.currentLineHeight(true) + lineGap
        })
        this.gap(gapAfter - 3)
        break
      case 'rule':
        this.rule(2, gapAfter + 2)
        break
      case 'image':
        // Images belong to the web page and the press kit; the formal edition is text.
        break
    }
  }
}

/** A PDF is read away from the site, so a relative link must carry the site's address. */
function absoluteHref(href: string, base: string): string | null {
  try {
    return new URL(href, base).href
  } catch {
    return null
  }
}

function writeFooters(doc: Doc, meta: PdfMeta) {
  const labels = editionLabels(meta.locale)
  const range = doc.bufferedPageRange()
  const width = doc.page.width - margins.left - margins.right
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index)
    const y = doc.page.height - margins.bottom + 26
    // Writing below the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0
    doc
      .moveTo(margins.left, y - 6)
      .lineTo(margins.left + width, y - 6)
      .lineWidth(0.5)
      .strokeColor(colors.rule)
      .stroke()
    doc.font('regular').fontSize(8.5).fillColor(colors.muted)
    doc.text(meta.footer, margins.left, y, { width: width / 2, align: 'left', lineBreak: false })
    doc.text(labels.page(index - range.start + 1, range.count), margins.left + width / 2, y, {
      width: width / 2,
      align: 'right',
      lineBreak: false,
    })
    doc.page.margins.bottom = margins.bottom
  }
}
