'use client'
import { useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { adminT } from '../i18n/admin/adminT.ts'
import { LogExportLinks } from './LogExportLinks.tsx'

/** On a recipient: every notice sent to them, as CSV and PDF. */
export function RecipientLogExports() {
  const { id } = useDocumentInfo()
  const t = adminT(useTranslation().t, 'recipientLogExports')
  if (!id) return null
  return <LogExportLinks scope={`recipient=${id}`} label={t('label')} />
}
