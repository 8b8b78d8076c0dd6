'use client'
import { useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'

/** On a recipient: every notice sent to them, as CSV and PDF. */
export function RecipientLogExports() {
  const { config } = useConfig()
  const { id } = useDocumentInfo()
  const { i18n } = useTranslation()
  if (!id) return null
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const label = i18n.language === 'ru' ? 'Журнал уведомлений этому получателю' : 'Log of notices sent to this recipient'
  return (
    <p>
      {label}: <a href={`${api}/dispatch-recipients/export?format=csv&recipient=${id}`}>CSV</a> ·{' '}
      <a href={`${api}/dispatch-recipients/export?format=pdf&recipient=${id}`}>PDF</a>
    </p>
  )
}
