import { formatInstant, type Locale, localeCodes, type TimeZone } from '@pressroom/shared'
import { t } from '../i18n/reader/index.ts'

/** The embargo line, in every language whatever the e-mail's, with the exact instant and its zone named. */
export function embargoLines(embargo: Date, zone: TimeZone): string[] {
  return localeCodes.map((locale: Locale) =>
    t(locale, 'advance.embargoLine', { instant: formatInstant(embargo, locale, zone) }),
  )
}
