import { Resvg } from '@resvg/resvg-js'
import satori from 'satori'
import { editionFonts } from '../editions/fonts.ts'
import { withPngText } from './pngText.ts'

/** Open Graph's recommended size: what Facebook, LinkedIn, Telegram and X crop least. */
export const shareCardSize = { width: 1200, height: 630 } as const

/** What a card shows, every word already in the card's language (the site chooses them). */
export type ShareCardInput = {
  organizationName: string
  /** Under the organization's name: "Press room · Initiative …". */
  tagline: string
  /** The kind's name ("Press release"); none on the default card. */
  kind?: string
  title: string
  referenceNumber?: string
  /** The date as the page prints it, in the document's zone. */
  date?: string
}

type Node = { type: string; props: { style?: Record<string, unknown>; children?: Node | string | (Node | string)[] } }

const ink = '#1d2733'
const accent = '#1f4e79'
const muted = '#55606e'
/** The card's width less its border (24) and side padding (64 + 72). */
const textWidth = 1040

function el(type: string, style: Record<string, unknown>, children?: Node['props']['children']): Node {
  return { type, props: { style, children } }
}

/** Long titles get a smaller face, so a title of two hundred characters still fits in four lines. */
function titleSize(title: string): number {
  if (title.length > 140) return 44
  if (title.length > 80) return 52
  return 62
}

function layout(card: ShareCardInput): Node {
  const footer = [card.referenceNumber, card.date].filter((s): s is string => !!s)
  return el(
    'div',
    {
      width: shareCardSize.width,
      height: shareCardSize.height,
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      backgroundColor: '#f8f6f1',
      borderLeft: `24px solid ${accent}`,
      padding: '56px 72px 48px 64px',
      color: ink,
      fontFamily: 'PT Serif',
    },
    [
      el('div', { display: 'flex', flexDirection: 'column' }, [
        el('div', { fontSize: 34, fontWeight: 700, color: accent }, card.organizationName),
        el('div', { fontSize: 24, color: muted, marginTop: 6 }, card.tagline),
      ]),
      el('div', { display: 'flex', flexDirection: 'column', width: textWidth }, [
        ...(card.kind
          ? [
              el(
                'div',
                { fontSize: 26, fontWeight: 700, color: muted, letterSpacing: 2, marginBottom: 14 },
                card.kind.toUpperCase(),
              ),
            ]
          : []),
        el(
          'div',
          {
            display: 'block',
            width: textWidth,
            fontSize: titleSize(card.title),
            fontWeight: 700,
            lineHeight: 1.15,
            lineClamp: 4,
          },
          card.title,
        ),
      ]),
      el(
        'div',
        {
          display: 'flex',
          justifyContent: 'space-between',
          width: textWidth,
          borderTop: `2px solid ${accent}`,
          paddingTop: 18,
          fontSize: 28,
          color: muted,
        },
        footer.map((text) => el('div', {}, text)),
      ),
    ],
  )
}

let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined

/** The fonts as satori wants them; one array for every card, so satori parses the fonts once (it caches per array). */
function cardFonts() {
  if (!fonts) {
    // PT Serif, the PDF editions' face: Latin and Cyrillic. satori reads TTF/OTF/WOFF, not WOFF2.
    const files = editionFonts()
    fonts = [
      { name: 'PT Serif', data: files.regular, weight: 400, style: 'normal' },
      { name: 'PT Serif', data: files.bold, weight: 700, style: 'normal' },
    ]
  }
  return fonts
}

/**
 * A share card as PNG, 1200×630: satori lays the text out into SVG paths, resvg rasterizes them.
 * The same input gives the same bytes (no dates, no randomness), so cards are cached by their input.
 * The PNG carries the card's words as text chunks too.
 */
export async function renderShareCard(card: ShareCardInput): Promise<Uint8Array> {
  const svg = await satori(layout(card) as never, { ...shareCardSize, fonts: cardFonts() })
  const png = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng()
  const words = [card.kind, card.referenceNumber, card.date].filter(Boolean).join(' · ')
  return withPngText(png, { Title: card.title, Description: words || card.tagline, Author: card.organizationName })
}
