/**
 * Rich text (the Lexical JSON the CMS editor saves) as a small, closed block model, and that model
 * as HTML or plain text. The site, e-mails and PDF editions all render through here.
 *
 * Safety comes from the shape, not from cleaning: only the node types listed below become output,
 * every text is escaped, every attribute is built here, and a link keeps its URL only when it is
 * relative or http(s)/mailto/tel. Raw HTML in the input has no path to the page (ADR 0007).
 */

import { relationId } from './relationId.ts'

export type Inline = {
  text: string
  bold?: boolean
  italic?: boolean
  underline?: boolean
  strikethrough?: boolean
  code?: boolean
  subscript?: boolean
  superscript?: boolean
  /** A safe URL (see safeHref); a link whose URL was refused keeps its text only. */
  href?: string
  newTab?: boolean
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; inlines: Inline[] }
  | { type: 'paragraph'; inlines: Inline[] }
  | { type: 'quote'; inlines: Inline[] }
  | { type: 'list'; ordered: boolean; items: Block[][] }
  | { type: 'rule' }
  | { type: 'image'; id: string }

export type RichTextOptions = {
  /** Turns a link to another document in the CMS into a URL; without it such links keep their text only. */
  resolveInternalLink?: (relationTo: string, value: unknown) => string | undefined
}

type LexicalNode = {
  type?: unknown
  children?: unknown
  text?: unknown
  format?: unknown
  tag?: unknown
  listType?: unknown
  fields?: unknown
  url?: unknown
  relationTo?: unknown
  value?: unknown
}

// Lexical's text format bits.
const formatBits = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
} as const

const allowedSchemes = new Set(['http:', 'https:', 'mailto:', 'tel:'])

/**
 * The URL when it is safe to put in an href: relative (path, query or fragment) or one of
 * http, https, mailto, tel. Browsers ignore control characters and spaces inside a scheme
 * ("java\tscript:"), so they are removed before the scheme is read; a URL that starts with two
 * slashes or backslashes in any mix leads to another host and is refused.
 */
export function safeHref(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined
  const trimmed = url.trim()
  if (!trimmed) return undefined
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers drop these inside a scheme
  const compact = trimmed.replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)
  if (scheme) return allowedSchemes.has(`${scheme[1]?.toLowerCase()}:`) ? trimmed : undefined
  // No scheme: a colon before the first "/", "?" or "#" would still be read as one by some parsers.
  const firstDelimiter = compact.search(/[/?#]/)
  const colon = compact.indexOf(':')
  if (colon !== -1 && (firstDelimiter === -1 || colon < firstDelimiter)) return undefined
  // "//host" is protocol-relative: an external link in disguise, allowed only with an explicit scheme.
  // Browsers read a backslash as "/" in web URLs: backslash-slash, slash-backslash, two backslashes
  // all lead to another host the same way.
  if (/^[/\\]{2}/.test(compact)) return undefined
  return trimmed
}

function childrenOf(node: LexicalNode): LexicalNode[] {
  return Array.isArray(node.children) ? (node.children as LexicalNode[]).filter((c) => c && typeof c === 'object') : []
}

function rootOf(value: unknown): LexicalNode | undefined {
  if (!value || typeof value !== 'object') return undefined
  const root = (value as { root?: unknown }).root
  return root && typeof root === 'object' ? (root as LexicalNode) : undefined
}

function textInline(node: LexicalNode, link: Pick<Inline, 'href' | 'newTab'>): Inline | undefined {
  if (typeof node.text !== 'string' || node.text === '') return undefined
  const format = typeof node.format === 'number' ? node.format : 0
  const inline: Inline = { text: node.text }
  for (const [name, bit] of Object.entries(formatBits) as [keyof typeof formatBits, number][]) {
    if (format & bit) inline[name] = true
  }
  if (link.href) {
    inline.href = link.href
    if (link.newTab) inline.newTab = true
  }
  return inline
}

function linkTarget(node: LexicalNode, options: RichTextOptions): Pick<Inline, 'href' | 'newTab'> {
  const fields = (node.fields && typeof node.fields === 'object' ? node.fields : {}) as {
    url?: unknown
    newTab?: unknown
    linkType?: unknown
    doc?: { relationTo?: unknown; value?: unknown } | null
  }
  let href: string | undefined
  if (fields.linkType === 'internal') {
    const doc = fields.doc
    if (doc && typeof doc.relationTo === 'string')
      href = safeHref(options.resolveInternalLink?.(doc.relationTo, doc.value))
  } else {
    href = safeHref(fields.url ?? node.url)
  }
  return href ? { href, newTab: fields.newTab === true } : {}
}

function inlinesOf(node: LexicalNode, options: RichTextOptions, link: Pick<Inline, 'href' | 'newTab'> = {}): Inline[] {
  const out: Inline[] = []
  for (const child of childrenOf(node)) {
    switch (child.type) {
      case 'text': {
        const inline = textInline(child, link)
        if (inline) out.push(inline)
        break
      }
      case 'linebreak':
        out.push({ text: '\n' })
        break
      case 'tab':
        out.push({ text: '\t' })
        break
      case 'link':
      case 'autolink':
        // A link inside a link keeps the outer target: HTML cannot nest anchors.
        out.push(...inlinesOf(child, options, link.href ? link : linkTarget(child, options)))
        break
      default:
        // Unknown inline nodes (mentions, custom inline blocks) keep only their text.
        out.push(...inlinesOf(child, options, link))
    }
  }
  return out
}

function headingLevel(tag: unknown): 1 | 2 | 3 | 4 | 5 | 6 {
  const level = typeof tag === 'string' ? Number(tag.replace(/^h/, '')) : 2
  return level >= 1 && level <= 6 ? (level as 1 | 2 | 3 | 4 | 5 | 6) : 2
}

function listBlock(node: LexicalNode, options: RichTextOptions): Block {
  const ordered = node.listType === 'number' || node.tag === 'ol'
  const items: Block[][] = []
  for (const item of childrenOf(node)) {
    if (item.type !== 'listitem') continue
    const nested = childrenOf(item).filter((c) => c.type === 'list')
    // Lexical puts a nested list in a list item of its own: attach it to the previous item.
    if (nested.length > 0 && childrenOf(item).every((c) => c.type === 'list')) {
      const target = items.at(-1) ?? []
      if (items.length === 0) items.push(target)
      for (const list of nested) target.push(listBlock(list, options))
      continue
    }
    const content: Block[] = []
    const inlines = inlinesOf({ children: childrenOf(item).filter((c) => c.type !== 'list') }, options)
    if (inlines.length > 0) content.push({ type: 'paragraph', inlines })
    for (const list of nested) content.push(listBlock(list, options))
    items.push(content)
  }
  return { type: 'list', ordered, items }
}

function blocksOf(nodes: LexicalNode[], options: RichTextOptions): Block[] {
  const blocks: Block[] = []
  for (const node of nodes) {
    switch (node.type) {
      case 'paragraph': {
        const inlines = inlinesOf(node, options)
        if (inlines.length > 0) blocks.push({ type: 'paragraph', inlines })
        break
      }
      case 'heading':
        blocks.push({ type: 'heading', level: headingLevel(node.tag), inlines: inlinesOf(node, options) })
        break
      case 'quote':
        blocks.push({ type: 'quote', inlines: inlinesOf(node, options) })
        break
      case 'list':
        blocks.push(listBlock(node, options))
        break
      case 'horizontalrule':
        blocks.push({ type: 'rule' })
        break
      case 'upload': {
        const id = relationId(node.value)
        if (node.relationTo === 'media' && (typeof id === 'string' || typeof id === 'number'))
          blocks.push({ type: 'image', id: String(id) })
        break
      }
      default:
        // Unknown block nodes (custom blocks, embeds, raw HTML) are dropped, their text kept.
        if (childrenOf(node).length > 0) {
          const inlines = inlinesOf(node, options)
          if (inlines.length > 0) blocks.push({ type: 'paragraph', inlines })
        }
    }
  }
  return blocks
}

/** The blocks of a saved Lexical state; anything that is not a Lexical state gives no blocks. */
export function richTextToBlocks(value: unknown, options: RichTextOptions = {}): Block[] {
  const root = rootOf(value)
  return root ? blocksOf(childrenOf(root), options) : []
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEscapes[c] ?? c)
}

function inlineHtml(inline: Inline): string {
  let html = escapeHtml(inline.text).replace(/\n/g, '<br>')
  if (inline.code) html = `<code>${html}</code>`
  if (inline.bold) html = `<strong>${html}</strong>`
  if (inline.italic) html = `<em>${html}</em>`
  if (inline.underline) html = `<u>${html}</u>`
  if (inline.strikethrough) html = `<s>${html}</s>`
  if (inline.subscript) html = `<sub>${html}</sub>`
  if (inline.superscript) html = `<sup>${html}</sup>`
  return html
}

function inlinesHtml(inlines: Inline[]): string {
  let html = ''
  // Neighbouring pieces of one link become one anchor.
  for (let i = 0; i < inlines.length; ) {
    const first = inlines[i] as Inline
    if (!first.href) {
      html += inlineHtml(first)
      i++
      continue
    }
    let inner = ''
    let j = i
    while (j < inlines.length && inlines[j]?.href === first.href) inner += inlineHtml(inlines[j++] as Inline)
    const external = /^[a-z][a-z0-9+.-]*:/i.test(first.href)
    const target = first.newTab ? ' target="_blank" rel="noopener noreferrer"' : external ? ' rel="noreferrer"' : ''
    html += `<a href="${escapeHtml(first.href)}"${target}>${inner}</a>`
    i = j
  }
  return html
}

export type BlocksHtmlOptions = {
  /** HTML for an image block; images are left out without it. Must return safe HTML. */
  renderImage?: (id: string) => string | undefined
  /** Headings start at this level at the least (the page's title is the h1). */
  minHeadingLevel?: number
}

export function blocksToHtml(blocks: Block[], options: BlocksHtmlOptions = {}): string {
  const minLevel = options.minHeadingLevel ?? 2
  return blocks
    .map((block): string => {
      switch (block.type) {
        case 'paragraph':
          return `<p>${inlinesHtml(block.inlines)}</p>`
        case 'heading': {
          const level = Math.min(6, Math.max(minLevel, block.level))
          return `<h${level}>${inlinesHtml(block.inlines)}</h${level}>`
        }
        case 'quote':
          return `<blockquote><p>${inlinesHtml(block.inlines)}</p></blockquote>`
        case 'list': {
          const tag = block.ordered ? 'ol' : 'ul'
          const items = block.items.map((item) => `<li>${blocksToHtml(item, options)}</li>`).join('')
          return `<${tag}>${items}</${tag}>`
        }
        case 'rule':
          return '<hr>'
        case 'image':
          return options.renderImage?.(block.id) ?? ''
      }
      return ''
    })
    .join('\n')
}

/** Safe HTML for a saved Lexical state. */
export function renderRichText(value: unknown, options: RichTextOptions & BlocksHtmlOptions = {}): string {
  return blocksToHtml(richTextToBlocks(value, options), options)
}

function blocksText(blocks: Block[], indent = ''): string[] {
  const lines: string[] = []
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        lines.push(indent + block.inlines.map((i) => i.text).join(''))
        break
      case 'quote':
        lines.push(`${indent}> ${block.inlines.map((i) => i.text).join('')}`)
        break
      case 'list':
        block.items.forEach((item, index) => {
          const marker = block.ordered ? `${index + 1}. ` : '- '
          const [first = '', ...rest] = blocksText(item, `${indent}   `)
          lines.push(`${indent}${marker}${first.trimStart()}`, ...rest)
        })
        break
      case 'rule':
        lines.push(`${indent}---`)
        break
      case 'image':
        break
    }
  }
  return lines
}

/** Plain text of a saved Lexical state: one block a paragraph, lists with markers (e-mails, excerpts). */
export function richTextToPlainText(value: unknown, options: RichTextOptions = {}): string {
  return blocksText(richTextToBlocks(value, options)).join('\n\n')
}
