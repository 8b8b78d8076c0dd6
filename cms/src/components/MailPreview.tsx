'use client'
import { Button, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { type Locale, localeInfo } from '@pressroom/shared'
import { useState } from 'react'
import { adminT } from '../i18n/admin/adminT.ts'
import type { MailPreview as Preview } from '../mailPreview/previewAnswer.ts'
import { answerLine, EndpointMessage, readAnswer, useApiUrl, useEndpointCall } from './staffEndpoint.tsx'

type Props = { kind: 'publication' | 'dispatch' }

const muted = { color: 'var(--theme-elevation-500)' }
const label = { fontWeight: 600, marginRight: '0.4em' }

/**
 * In a publication's sidebar and on a dispatch: the e-mail as subscribers or institutions would
 * receive it, per language (its HTML in a sandboxed frame that may run nothing), the draft's PDF
 * edition, and "Send a test to me". The endpoints decide who may (docs/adr/0038).
 */
function MailPreviewPanel({ kind }: Props) {
  const { id, collectionSlug } = useDocumentInfo()
  const t = adminT(useTranslation().t, 'testsend')
  const say = adminT(useTranslation().t, 'langNotices')
  const api = useApiUrl()
  const [preview, setPreview] = useState<Preview | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const test = useEndpointCall()

  if (!id) return <p style={muted}>{t('saveFirst')}</p>

  const target = kind === 'publication' ? { collection: collectionSlug, id } : { id }
  const query = (locale?: Locale) =>
    new URLSearchParams({
      ...Object.fromEntries(Object.entries(target).map(([k, v]) => [k, String(v)])),
      ...(locale ? { locale } : {}),
    })

  async function show(locale?: Locale, variant?: 'bilingual' | 'notice') {
    setLoading(true)
    try {
      const asked = `${query(locale)}${variant ? `&variant=${variant}` : ''}`
      const response = await fetch(`${api}/staff-preview/${kind}-email?${asked}`, { credentials: 'include' })
      const answer = await readAnswer<Partial<Preview>>(response)
      if (response.ok) {
        setPreview(answer as Preview)
        setProblem(null)
      } else setProblem(answerLine(response, answer))
    } finally {
      setLoading(false)
    }
  }

  const sendTest = () =>
    test.call(`${api}/test-send/${kind}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...target, ...(preview ? { locale: preview.locale } : {}) }),
    })

  return (
    <div style={{ marginBottom: 'var(--base)' }} data-testid="mail-preview">
      <h4>{t('heading')}</h4>
      <Button
        onClick={() => (preview ? setPreview(null) : show())}
        disabled={loading}
        buttonStyle="secondary"
        size="small"
      >
        {preview ? t('hide') : t('show')}
      </Button>
      {problem && <p role="alert">{problem}</p>}
      {preview && (
        <div>
          <p>
            <span style={label}>{t('language')}:</span>
            {preview.locales.map((locale) => (
              <Button
                key={locale}
                onClick={() => show(locale)}
                disabled={loading || locale === preview.locale}
                buttonStyle={locale === preview.locale ? 'primary' : 'secondary'}
                size="small"
              >
                {localeInfo(locale).nativeLabel}
              </Button>
            ))}
            {kind === 'publication' && (
              <>
                {preview.locales.length > 1 && (
                  <Button
                    onClick={() => show(undefined, 'bilingual')}
                    disabled={loading}
                    buttonStyle="secondary"
                    size="small"
                  >
                    {say('previewBilingual')}
                  </Button>
                )}
                <Button
                  onClick={() => show(undefined, 'notice')}
                  disabled={loading}
                  buttonStyle="secondary"
                  size="small"
                >
                  {say('previewNotice')}
                </Button>
              </>
            )}
          </p>
          {kind === 'publication' && (
            <p>
              <a href={`${api}/staff-preview/publication-pdf?${query(preview.locale)}`} target="_blank" rel="noopener">
                {t('pdf')} ({localeInfo(preview.locale).nativeLabel})
              </a>
            </p>
          )}
          <p>
            <span style={label}>{t('subject')}:</span>
            <span data-testid="mail-preview-subject">{preview.subject}</span>
          </p>
          <p>
            <span style={label}>{t('from')}:</span>
            {preview.from}
          </p>
          <p>
            <span style={label}>{t('to')}:</span>
            <em>{preview.to}</em>
          </p>
          {preview.attachments.length > 0 && (
            <p>
              <span style={label}>{t('attachments')}:</span>
              {preview.attachments.join(', ')}
            </p>
          )}
          <iframe
            title={t('htmlFrame')}
            sandbox=""
            srcDoc={preview.html}
            style={{
              width: '100%',
              height: '32rem',
              border: '1px solid var(--theme-elevation-150)',
              background: '#fff',
            }}
          />
          <details>
            <summary>{t('plainText')}</summary>
            <pre style={{ whiteSpace: 'pre-wrap', fontSize: '0.85em' }}>{preview.text}</pre>
          </details>
          <p style={muted}>{t('sampleLinks')}</p>
        </div>
      )}
      <p style={muted}>{t('sendTestHelp')}</p>
      <Button onClick={sendTest} disabled={test.busy} buttonStyle="secondary" size="small">
        {t('sendTest')}
      </Button>
      <EndpointMessage message={test.message} />
    </div>
  )
}

export const PublicationMailPreview = () => <MailPreviewPanel kind="publication" />
export const DispatchMailPreview = () => <MailPreviewPanel kind="dispatch" />
