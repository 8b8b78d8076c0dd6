'use client'
import { useFormFields, useTranslation } from '@payloadcms/ui'
import { adminT } from '../i18n/admin/adminT.ts'
import { siteBuildFailureText } from './siteBuildFailureText.ts'

type Recorded = { failure?: unknown; error?: unknown }

/** The sentence in the admin's language; a record without a code shows its raw text as build output. */
export function SiteBuildFailureText({ failure, error, inline }: Recorded & { inline?: boolean }) {
  const { t } = useTranslation()
  const sentence = siteBuildFailureText(t, failure)
  if (sentence) return <span data-failure-code="">{sentence}</span>
  if (typeof error !== 'string' || !error) return null
  const heading = adminT(t, 'siteBuildFailure')('output')
  if (inline) return <span data-raw="">{`${heading}: ${error}`}</span>
  return (
    <>
      <strong>{heading}</strong>
      <pre data-raw="" style={{ whiteSpace: 'pre-wrap' }}>
        {error}
      </pre>
    </>
  )
}

/** The edit view's "What went wrong" (a `ui` field of site-builds). */
export function SiteBuildFailureField() {
  const { t } = useTranslation()
  const failure = useFormFields(([fields]) => fields.failure?.value)
  const error = useFormFields(([fields]) => fields.error?.value)
  if (!failure && !error) return null
  return (
    <div className="field-type" style={{ marginBottom: 'var(--base)' }}>
      <div className="field-label">{adminT(t, 'siteBuildFailure')('whatWentWrong')}</div>
      <SiteBuildFailureText failure={failure} error={error} />
    </div>
  )
}

/** The list's "What went wrong" column. */
export function SiteBuildFailureCell({ rowData }: { rowData?: Recorded }) {
  return <SiteBuildFailureText failure={rowData?.failure} error={rowData?.error} inline />
}
