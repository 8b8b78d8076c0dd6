import { type Locale, otherLocale } from '@pressroom/shared'
import { renderRichText } from '@pressroom/shared/richtext'
import { Html, html } from '../http/html.ts'
import { type FrameSite, renderPublicPage } from '../http/publicPage.ts'
import { frameSite } from '../i18n/reader/frame.ts'
import { t } from '../i18n/reader/index.ts'
import { embargoLines } from './embargoLine.ts'
import type { EmbargoedRelease } from './release.ts'

// After the site's frame (shared/src/look.ts): only what this page adds.
const stylesheet = `
.embargo { border: 3px solid #a00; color: #a00; font: bold 1rem/1.5 var(--sans); padding: .75rem 1rem; }
.note, .downloads { font: .9rem/1.5 var(--sans); color: var(--muted); }
.downloads a { display: inline-block; margin-right: 1.5rem; }
`

/** What the frame needs to lead back to the site: its address and the organization's name. */
export type FrameSettings = Parameters<typeof frameSite>[1]
const siteIn = (lang: Locale, settings: FrameSettings): FrameSite => frameSite(lang, settings)

const text = (value: unknown) => (typeof value === 'string' ? value : '')

/** The language the page is in: the link's, or the release's other one when the link's has no text. */
function pageLocale(release: EmbargoedRelease, locale: Locale): Locale {
  return release.languages.includes(locale) ? locale : otherLocale(locale)
}

const embargoBox = (release: EmbargoedRelease) =>
  html`<p class="embargo">${embargoLines(release.embargo, release.zone).map((line, i) => html`${i > 0 ? html`<br>` : ''}${line}`)}</p>`

/** The release as its journalist reads it before the embargo: text, PDF edition and press kit (docs/adr/0043). */
export function renderAdvancePage(
  release: EmbargoedRelease,
  locale: Locale,
  path: string,
  settings: FrameSettings,
): string {
  const lang = pageLocale(release, locale)
  const doc: Record<string, unknown> = release.byLocale[lang] ?? {}
  const title = text(doc.title)
  const body = html`
${embargoBox(release)}
<h1>${title}</h1>
${text(doc.summary) ? html`<p><strong>${text(doc.summary)}</strong></p>` : ''}
${new Html(renderRichText(doc.body))}
<p class="downloads"><a href="${path}/pdf">${t(lang, 'advance.page.pdf')}</a><a href="${path}/kit">${t(lang, 'advance.page.kit')}</a></p>
<p class="note">${t(lang, 'advance.page.private')}</p>
`
  return renderPublicPage({
    lang,
    title: t(lang, 'advance.page.title', { title }),
    stylesheet,
    body,
    site: siteIn(lang, settings),
  })
}

/** The terms a journalist accepts once, in both languages, before the first link that asks opens. */
export function renderTermsPage(
  release: EmbargoedRelease,
  locale: Locale,
  path: string,
  settings: FrameSettings,
): string {
  const lang = pageLocale(release, locale)
  const other = otherLocale(lang)
  const body = html`
${embargoBox(release)}
<h1>${t(lang, 'advance.terms.heading')}</h1>
<p>${t(lang, 'advance.terms.text')}</p>
<h2 lang="${other}">${t(other, 'advance.terms.heading')}</h2>
<p lang="${other}">${t(other, 'advance.terms.text')}</p>
<form method="post" action="${path}"><input type="hidden" name="accept" value="yes"><button type="submit">${t(lang, 'advance.terms.accept')} / <span lang="${other}">${t(other, 'advance.terms.accept')}</span></button></form>
`
  return renderPublicPage({
    lang,
    title: t(lang, 'advance.terms.heading'),
    stylesheet,
    body,
    site: siteIn(lang, settings),
  })
}
