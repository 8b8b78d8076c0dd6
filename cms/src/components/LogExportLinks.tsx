'use client'
import { useApiUrl } from './staffEndpoint.tsx'

/** The dispatch log of one scope (`dispatch=…`, `notice=…`, `recipient=…`) as CSV and PDF. */
export function LogExportLinks({ label, scope }: { label: string; scope: string }) {
  const api = useApiUrl()
  return (
    <p>
      {label}: <a href={`${api}/dispatch-recipients/export?format=csv&${scope}`}>CSV</a> ·{' '}
      <a href={`${api}/dispatch-recipients/export?format=pdf&${scope}`}>PDF</a>
    </p>
  )
}
