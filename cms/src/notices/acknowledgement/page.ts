import { formatInstant, kindWord, type Locale, type TimeZone } from '@pressroom/shared'
import { type Html, html } from '../../http/html.ts'
import { renderPublicPage } from '../../http/publicPage.ts'
import { frameSite } from '../../i18n/reader/frame.ts'
import { type MessageKey, t } from '../../i18n/reader/index.ts'
import type { AcknowledgementState } from './acknowledgeReceipt.ts'

const refusals = {
  malformed: { status: 400, text: 'acknowledgement.refused.malformed' },
  tampered: { status: 400, text: 'acknowledgement.refused.tampered' },
  unknown: { status: 404, text: 'acknowledgement.refused.unknown' },
  tooLarge: { status: 413, text: 'acknowledgement.refused.tooLarge' },
} as const satisfies Record<string, { status: number; text: MessageKey }>

/** What the page adds to the site's frame every reader page shares (src/http/publicPage.ts). */
const stylesheet = `dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{color:var(--muted)}
.done{border-left:4px solid #2a7a2a;padding-left:1rem}.refused{border-left:4px solid #a33;padding-left:1rem}`

/** The public site and the organization's name, for the frame's way back to the site. */
export type FrameSettings = Parameters<typeof frameSite>[1]

const layout = (lang: Locale, title: string, body: Html, settings: FrameSettings): string =>
  renderPublicPage({ lang, title, stylesheet, body, site: frameSite(lang, settings) })

export type RenderedPage = { status: number; html: string }

/** A refusal in both languages: the link's own language is not known (or not to be trusted). */
function refusalPage(kind: keyof typeof refusals, settings: FrameSettings): RenderedPage {
  const refusal = refusals[kind]
  const title = { en: t('en', 'acknowledgement.title'), ru: t('ru', 'acknowledgement.title') }
  const body = html`<h1>${title.en} · <span lang="ru">${title.ru}</span></h1>
<p class="refused">${t('en', refusal.text)}</p>
<p class="refused" lang="ru">${t('ru', refusal.text)}</p>`
  return { status: refusal.status, html: layout('en', `${title.en} · ${title.ru}`, body, settings) }
}

/** The answer to a POST whose body is over the public form cap (docs/adr/0035). */
export const renderTooLargePage = (settings: FrameSettings): RenderedPage => refusalPage('tooLarge', settings)

/** The page for a link's state, in the recipient's language (both languages when the link is bad). */
export function renderAcknowledgementPage(
  state: AcknowledgementState,
  options: { prompt?: boolean; zone?: TimeZone; settings: FrameSettings },
): RenderedPage {
  if (state.kind === 'malformed' || state.kind === 'tampered' || state.kind === 'unknown')
    return refusalPage(state.kind, options.settings)
  const lang = state.row.language
  const title = t(lang, 'acknowledgement.title')
  const details = html`<dl>
<dt>${kindWord('notice', lang, 'singular')}</dt><dd>${state.notice?.referenceNumber ?? ''} ${state.notice?.title ?? ''}</dd>
<dt>${t(lang, 'acknowledgement.addressedTo')}</dt><dd>${state.row.recipientName ?? ''}</dd>
</dl>`
  if (state.kind === 'acknowledged') {
    const message = t(lang, state.justNow ? 'acknowledgement.thanks' : 'acknowledgement.already')
    const body = html`<h1>${title}</h1>${details}
<p class="done">${message} <strong>${formatInstant(state.at, lang, options.zone ?? 'UTC')}</strong>.${state.justNow ? '' : html` ${t(lang, 'acknowledgement.alreadyNote')}`}</p>`
    return { status: 200, html: layout(lang, title, body, options.settings) }
  }
  const body = html`<h1>${title}</h1>${details}
${options.prompt ? html`<p class="refused">${t(lang, 'acknowledgement.pressButton')}</p>` : ''}
<p>${t(lang, 'acknowledgement.explain')}</p>
<form method="post"><input type="hidden" name="confirm" value="yes"><button type="submit">${t(lang, 'acknowledgement.button')}</button></form>`
  return { status: options.prompt ? 400 : 200, html: layout(lang, title, body, options.settings) }
}
