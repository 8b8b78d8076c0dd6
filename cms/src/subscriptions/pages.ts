import { documentKinds, type Locale, locales } from '@pressroom/shared'
import { escapeHtml } from '@pressroom/shared/richtext'
import { Html, html } from '../http/html.ts'
import { type FrameSite, renderPublicPage } from '../http/publicPage.ts'
import { type MessageKey, t } from '../i18n/reader/index.ts'
import { frequencyFieldset, frequencySummaryRow } from './digests/frequencyForm.ts'

/**
 * The subscription pages the CMS serves, in the frame every reader page shares
 * (src/http/publicPage.ts: the site's look, its name, a way back to it): small, no JavaScript.
 * Forms post back to the same paths; every value written into the page is escaped. Below is only
 * what these pages add to the site's frame.
 */
const css = `.error{border-left:4px solid #a4262c;padding-left:1rem}
fieldset{padding:.5rem 1rem}legend{font-weight:600}
label{display:block;margin:.25rem 0}dl{margin:0 0 1rem}dt{font-weight:600}dd{margin:0 0 .5rem}
form{margin:0 0 1rem}button.secondary{background:var(--page);color:var(--accent);border:1px solid var(--accent)}`

export type PageOptions = { locale: Locale; site: FrameSite; title: string }

export function page({ locale, site, title }: PageOptions, body: string): string {
  return renderPublicPage({
    lang: locale,
    title: `${title} · ${site.name}`,
    stylesheet: css,
    site,
    body: html`<h1>${title}</h1>
${new Html(body)}`,
  })
}

export const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`

export function hiddenToken(token: string) {
  return `<input type="hidden" name="token" value="${escapeHtml(token)}">`
}

export function buttonForm(action: string, token: string, label: string, secondary = false) {
  return `<form method="post" action="${escapeHtml(action)}">${hiddenToken(token)}<button type="submit"${
    secondary ? ' class="secondary"' : ''
  }>${escapeHtml(label)}</button></form>`
}

export function errorBody(locale: Locale, key: MessageKey, withBack = true) {
  return `<div class="error">${paragraph(t(locale, key))}${withBack ? paragraph(t(locale, 'error.back')) : ''}</div>`
}

type Summary = { languages: string[]; kinds: string[]; topics: string[]; frequency?: string }

export function preferencesSummary(locale: Locale, prefs: Summary, topicTitles: Map<string, string>) {
  const all = t(locale, 'summary.all')
  const row = (key: MessageKey, values: string[]) =>
    `<dt>${escapeHtml(t(locale, key))}</dt><dd>${escapeHtml(values.length ? values.join(', ') : all)}</dd>`
  return `<dl>${row(
    'summary.languages',
    prefs.languages.map((l) => t(locale, `language.${l}` as MessageKey)),
  )}${row(
    'summary.kinds',
    prefs.kinds.map((k) => t(locale, `kind.${k}` as MessageKey)),
  )}${row(
    'summary.topics',
    prefs.topics.map((slug) => topicTitles.get(slug) ?? slug),
  )}${frequencySummaryRow(locale, prefs.frequency)}</dl>`
}

export function preferencesForm(
  locale: Locale,
  action: string,
  token: string,
  prefs: Summary,
  topics: { slug: string; title: string }[],
  extraFieldsets = '',
) {
  const box = (name: string, value: string, label: string, checked: boolean) =>
    `<label><input type="checkbox" name="${name}" value="${escapeHtml(value)}"${checked ? ' checked' : ''}> ${escapeHtml(label)}</label>`
  const languages = locales
    .map((l) => box('languages', l.code, l.nativeLabel, prefs.languages.includes(l.code)))
    .join('')
  const kinds = documentKinds
    .map((k) => box('kinds', k.kind, t(locale, `kind.${k.kind}` as MessageKey), prefs.kinds.includes(k.kind)))
    .join('')
  const topicBoxes = topics.map((tp) => box('topics', tp.slug, tp.title, prefs.topics.includes(tp.slug))).join('')
  return `<form method="post" action="${escapeHtml(action)}">${hiddenToken(token)}
<fieldset><legend>${escapeHtml(t(locale, 'prefs.languages'))}</legend>${languages}</fieldset>
<fieldset><legend>${escapeHtml(t(locale, 'prefs.kinds'))}</legend>${kinds}</fieldset>
${topics.length ? `<fieldset><legend>${escapeHtml(t(locale, 'prefs.topics'))}</legend>${topicBoxes}</fieldset>` : ''}
${frequencyFieldset(locale, prefs.frequency)}
${extraFieldsets}
<button type="submit">${escapeHtml(t(locale, 'prefs.save'))}</button></form>`
}
