'use client'
import { useFormFields, useTranslation } from '@payloadcms/ui'
import { formatInstant, isLocale, zoneOrDefault } from '@pressroom/shared'

/**
 * Under a date field with a time zone: the instant as readers will see it, in the admin's
 * language with the zone named ("18:00 по московскому времени, 5 марта 2026 г."), so nobody has
 * to guess which zone the picker's time is in (docs/adr/0040).
 */
export function InstantInZone({ name }: { name: string }) {
  const { i18n } = useTranslation()
  const value = useFormFields(([fields]) => fields[name]?.value)
  const zone = useFormFields(([fields]) => fields[`${name}_tz`]?.value)
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return null
  const locale = isLocale(i18n.language) ? i18n.language : 'en'
  return (
    <p className="instant-in-zone" style={{ margin: '0.4rem 0 0', fontWeight: 600 }}>
      {formatInstant(value, locale, zoneOrDefault(zone))}
    </p>
  )
}
