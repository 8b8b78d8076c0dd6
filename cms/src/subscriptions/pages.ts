import { documentKinds, type Locale, locales } from '@pressroom/shared'
import { escapeHtml } from '@pressroom/shared/richtext'
import { Html, html } from '../http/html.ts'
import { renderPublicPage } from '../http/publicPage.ts'
import { type MessageKey, t } from '../i18n/reader/index.ts'
import { frequencyFieldset, frequencySummaryRow } from './digests/frequencyForm.ts'

/**
 * The subscription pages the CMS serves, in the frame every reader page shares
 * (src/http/publicPage.ts): small, no JavaScript. Forms post back to the same paths; every
 * value written into the page is escaped. The boxed look is theirs; the acknowledgement page
 * keeps its plainer one.
 */
const css = `body{font:16px/1.55 Georgia,"Times New Roman",serif;color:#1a1a1a;background:#f6f6f3;margin:0}
main{max-width:36rem;margin:3rem auto;padding:2rem;background:#fff;border:1px solid #ddd}
h1{font-size:1.6rem;line-height:1.25;margin:0 0 1rem}p{margin:0 0 1rem}
.org{font:600 .8rem/1.2 system-ui,sans-serif;letter-spacing:.05em;text-transform:uppercase;color:#555}
.error{border-left:4px solid #a4262c;padding-left:1rem}
fieldset{border:1px solid #ccc;margin:0 0 1rem;padding:.5rem 1rem}legend{font-weight:600}
label{display:block;margin:.25rem 0}dl{margin:0 0 1rem}dt{font-weight:600}dd{margin:0 0 .5rem}
button{font:inherit;padding:.5rem 1.2rem;border:1px solid #0b4f8a;background:#0b4f8a;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0b4f8a}form{margin:0 0 1rem}`

export type PageOptions = { locale: Locale; org: string; title: string }

export function page({ locale, org, title }: PageOptions, body: string): string {
  return renderPublicPage({
    lang: locale,
    title: `${title} · ${org}`,
    stylesheet: css,
    body: html`<main><p class="org">${org}</p><h1>${title}</h1>
${new Html(body)}
</main>`,
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
