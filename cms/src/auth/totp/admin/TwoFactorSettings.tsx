'use client'
import { useAuth, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { type KeyboardEvent, useCallback, useEffect, useState } from 'react'
import { errorOf } from '../../../components/staffEndpoint.tsx'
import { adminT } from '../../../i18n/admin/adminT.ts'

type Status = { enabled: boolean; required: boolean; mustEnrol: boolean; recoveryCodesLeft: number }
type Setup = { secret: string; qr: { size: number; path: string } }

function post(url: string, body: object) {
  return fetch(url, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

/** Enter in a code box acts on the box, not on the staff member's document form around it. */
const onEnter = (action: () => void) => (event: KeyboardEvent<HTMLInputElement>) => {
  if (event.key !== 'Enter') return
  event.preventDefault()
  action()
}

function CodeInput(props: {
  id: string
  label: string
  value: string
  onChange: (v: string) => void
  onEnter: () => void
}) {
  return (
    <div className="field-type text">
      <label className="field-label" htmlFor={props.id}>
        {props.label}
      </label>
      <input
        id={props.id}
        type="text"
        inputMode="text"
        autoComplete="one-time-code"
        spellCheck={false}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        onKeyDown={onEnter(props.onEnter)}
      />
    </div>
  )
}

type Props = { /** On the enrolment page: called once the codes are saved. */ onEnrolled?: () => void }

/**
 * Two-factor sign-in on a staff member's page: set it up (QR code, first code, recovery codes) or
 * turn it off on one's own account; on another's, administrators see it and can reset it.
 */
export function TwoFactorSettings({ onEnrolled }: Props) {
  const { config } = useConfig()
  const { user } = useAuth()
  const { id: documentId } = useDocumentInfo()
  const t = adminT(useTranslation().t, 'twoFactor')
  const wentWrong = t('error')
  const api = `${config.routes.api}/${config.admin.user}/totp`
  const id = documentId ?? (onEnrolled ? user?.id : undefined)
  const own = id !== undefined && String(id) === String(user?.id)
  const [status, setStatus] = useState<Status>()
  const [setup, setSetup] = useState<Setup>()
  const [code, setCode] = useState('')
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>()
  const [error, setError] = useState<string>()

  const load = useCallback(async () => {
    if (id === undefined) return
    const response = await fetch(`${api}/status?id=${encodeURIComponent(String(id))}`, { credentials: 'include' })
    if (response.ok) setStatus(await response.json())
    else setError(await errorOf(response, wentWrong))
  }, [api, id, wentWrong])
  useEffect(() => {
    void load()
  }, [load])

  async function act(url: string, body: object, then: (answer: Record<string, unknown>) => void) {
    setError(undefined)
    const response = await post(url, body).catch(() => undefined)
    if (!response?.ok) return setError(response ? await errorOf(response, wentWrong) : wentWrong)
    then(await response.json())
  }
  const start = () => act(`${api}/setup`, {}, (answer) => setSetup(answer as Setup))
  const confirm = () =>
    act(`${api}/confirm`, { code }, (answer) => {
      setSetup(undefined)
      setCode('')
      setRecoveryCodes(answer.recoveryCodes as string[])
    })
  const turnOff = () =>
    act(`${api}/disable`, { code }, () => {
      setCode('')
      void load()
    })
  const reset = () => act(`${api}/reset`, { id }, () => void load())
  const saved = () => {
    setRecoveryCodes(undefined)
    if (onEnrolled) onEnrolled()
    else void load()
  }

  if (id === undefined || !status) return error ? <p role="alert">{error}</p> : null
  return (
    <div className="field-type pressroom-two-factor">
      <h3>{t('heading')}</h3>
      {!own ? (
        <>
          <p>{status.enabled ? t('otherOn') : t('otherOff')}</p>
          {status.enabled ? (
            <>
              <p className="field-description">{t('resetHint')}</p>
              <button type="button" className="btn btn--style-secondary" onClick={reset}>
                {t('reset')}
              </button>
            </>
          ) : null}
        </>
      ) : recoveryCodes ? (
        <>
          <p>{t('saveCodes')}</p>
          <ul className="pressroom-two-factor__codes" data-recovery-codes="">
            {recoveryCodes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          <button type="button" className="btn btn--style-primary" onClick={saved}>
            {t('saved')}
          </button>
        </>
      ) : setup ? (
        <>
          <p>{t('scan')}</p>
          <svg
            className="pressroom-two-factor__qr"
            role="img"
            aria-label="QR"
            width="220"
            height="220"
            viewBox={`0 0 ${setup.qr.size} ${setup.qr.size}`}
            shapeRendering="crispEdges"
          >
            <rect width="100%" height="100%" fill="#fff" />
            <path d={setup.qr.path} fill="#000" />
          </svg>
          <p>
            {t('secretLabel')}: <code data-totp-secret="">{setup.secret}</code>
          </p>
          <CodeInput
            id="field-totpConfirm"
            label={t('confirmCode')}
            value={code}
            onChange={setCode}
            onEnter={confirm}
          />
          <button type="button" className="btn btn--style-primary" onClick={confirm}>
            {t('confirm')}
          </button>
        </>
      ) : status.enabled ? (
        <>
          <p>
            {t('on')} {t('codesLeft', { left: status.recoveryCodesLeft })}
          </p>
          {status.required ? (
            <p>{t('required')}</p>
          ) : (
            <>
              <p className="field-description">{t('turnOffHint')}</p>
              <CodeInput id="field-totpDisable" label={t('code')} value={code} onChange={setCode} onEnter={turnOff} />
              <button type="button" className="btn btn--style-secondary" onClick={turnOff}>
                {t('turnOff')}
              </button>
            </>
          )}
        </>
      ) : (
        <>
          <p>{status.mustEnrol ? t('mustEnrol') : t('off')}</p>
          <button type="button" className="btn btn--style-primary" onClick={start}>
            {t('start')}
          </button>
        </>
      )}
      {error ? (
        <p className="pressroom-two-factor__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}
