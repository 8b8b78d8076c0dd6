import { formatInstant, type Locale } from '@pressroom/shared'
import { html } from '../http/html.ts'
import { t } from '../i18n/reader/index.ts'
import type { MailSettings, MessageTemplate } from '../mail/index.ts'
import { embargoLines } from './embargoLine.ts'
import type { EmbargoedRelease } from './release.ts'

/** The per-recipient placeholder of the link in `locale` (`{{linkEn}}`), filled by the delivery core. */
export const linkVariable = (locale: Locale) => `link${locale[0]!.toUpperCase()}${locale.slice(1)}`

/**
 * The advance e-mail in one set of languages (docs/adr/0043): first the embargo line in every
 * language, then per language a greeting and the recipient's private link. Nothing of the release
 * itself is in it: e-mail cannot be recalled, a link can (revoked, it shows nothing). The name and
 * the links are `{{placeholders}}`, so one template serves everyone with the same languages.
 */
export function advanceMessage(release: EmbargoedRelease, locales: Locale[], settings: MailSettings): MessageTemplate {
  const first = locales[0]!
  const lines = embargoLines(release.embargo, release.zone)
  const parts = locales.map((locale) => {
    return {
      locale,
      greeting: t(locale, 'advance.mail.greeting', { name: '{{name}}' }),
      intro: t(locale, 'advance.mail.intro', { org: settings.organizationName[locale] }),
      open: t(locale, 'advance.mail.open'),
      footer: t(locale, 'advance.mail.footer', { org: settings.organizationName[locale] }),
      link: `{{${linkVariable(locale)}}}`,
    }
  })
  const subject = t(first, 'advance.mail.subject', {
    instant: formatInstant(release.embargo, first, release.zone),
    org: settings.organizationName[first],
  })
  const body = html`<!doctype html>
<html lang="${first}"><body style="font-family: Helvetica, Arial, sans-serif; color: #1a1a1a; max-width: 640px">
<p style="border: 3px solid #a00; padding: 12px; font-weight: bold; color: #a00">${lines.map((line, i) => html`${i > 0 ? html`<br>` : ''}${line}`)}</p>
${parts.map(
  (p) => html`<div lang="${p.locale}">
<p>${p.greeting}</p>
<p>${p.intro}</p>
<p><a href="${p.link}">${p.open}</a></p>
<p style="font-size: 12px; color: #666">${p.footer}</p>
</div>`,
)}
</body></html>`
  const plain = [
    ...lines,
    '',
    ...parts.flatMap((p) => [p.greeting, '', p.intro, '', `${p.open}: ${p.link}`, '', p.footer, '']),
  ].join('\n')
  return {
    from: settings.from,
    subject,
    html: body.value,
    text: plain,
  }
}
