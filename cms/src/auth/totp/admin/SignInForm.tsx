'use client'
import { useTranslation } from '@payloadcms/ui'
import { type FormEvent, type InputHTMLAttributes, useState } from 'react'
import { errorOf } from '../../../components/staffEndpoint.tsx'
import { adminT } from '../../../i18n/admin/adminT.ts'

type Props = { loginUrl: string; forgotUrl: string; redirectTo: string }

type FieldProps = { type: string; name: string; label: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>

/** One labelled input in the markup of Payload's own login form, so its styles apply. */
function Field({ type, name, label, hint, ...input }: FieldProps) {
  return (
    <div className={`field-type ${type}`}>
      <label className="field-label" htmlFor={`field-${name}`}>
        {label}
      </label>
      <input id={`field-${name}`} name={name} type={type} {...input} />
      {hint ? <div className="field-description">{hint}</div> : null}
    </div>
  )
}

/** E-mail, password and (when two-factor sign-in is on) the code, in one POST to the login endpoint. */
export function SignInForm({ loginUrl, forgotUrl, redirectTo }: Props) {
  const { i18n, t: payloadT } = useTranslation()
  const t = adminT(payloadT, 'twoFactor')
  const language = i18n.language
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const totpCode = String(form.get('totpCode') ?? '').trim()
    setBusy(true)
    setError(undefined)
    const response = await fetch(loginUrl, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', 'accept-language': language },
      body: JSON.stringify({
        email: form.get('email'),
        password: form.get('password'),
        ...(totpCode ? { totpCode } : {}),
      }),
    }).catch(() => undefined)
    if (response?.ok) {
      // A full load, so the whole admin starts with the new session.
      window.location.assign(redirectTo)
      return
    }
    setError(response ? await errorOf(response, t('failed')) : t('failed'))
    setBusy(false)
  }

  return (
    <form className="login__form pressroom-sign-in" onSubmit={submit}>
      <h1>{t('signIn')}</h1>
      <div className="login__form__inputWrap">
        <Field name="email" label={t('email')} type="email" autoComplete="email" required />
        <Field name="password" label={t('password')} type="password" autoComplete="current-password" required />
        <Field
          name="totpCode"
          label={t('code')}
          hint={t('codeHint')}
          type="text"
          autoComplete="one-time-code"
          spellCheck={false}
        />
      </div>
      {error ? (
        <p className="pressroom-sign-in__error" role="alert">
          {error}
        </p>
      ) : null}
      <a href={forgotUrl}>{t('forgot')}</a>
      <div className="form-submit">
        <button type="submit" className="btn btn--style-primary btn--size-large" disabled={busy}>
          {busy ? t('signingIn') : t('signIn')}
        </button>
      </div>
    </form>
  )
}
