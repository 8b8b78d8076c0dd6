'use client'
import { type FormEvent, useState } from 'react'
import { errorOf, textsFor } from './texts.ts'

type Props = { language: string; loginUrl: string; forgotUrl: string; redirectTo: string }

/** E-mail, password and (when two-factor sign-in is on) the code, in one POST to the login endpoint. */
export function SignInForm({ language, loginUrl, forgotUrl, redirectTo }: Props) {
  const t = textsFor(language)
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
    setError(response ? await errorOf(response, t.failed) : t.failed)
    setBusy(false)
  }

  return (
    <form className="login__form pressroom-sign-in" onSubmit={submit}>
      <h1>{t.signIn}</h1>
      <div className="login__form__inputWrap">
        <div className="field-type email">
          <label className="field-label" htmlFor="field-email">
            {t.email}
          </label>
          <input id="field-email" name="email" type="email" autoComplete="email" required />
        </div>
        <div className="field-type password">
          <label className="field-label" htmlFor="field-password">
            {t.password}
          </label>
          <input id="field-password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <div className="field-type text">
          <label className="field-label" htmlFor="field-totpCode">
            {t.code}
          </label>
          <input id="field-totpCode" name="totpCode" type="text" autoComplete="one-time-code" spellCheck={false} />
          <div className="field-description">{t.codeHint}</div>
        </div>
      </div>
      {error ? (
        <p className="pressroom-sign-in__error" role="alert">
          {error}
        </p>
      ) : null}
      <a href={forgotUrl}>{t.forgot}</a>
      <div className="form-submit">
        <button type="submit" className="btn btn--style-primary btn--size-large" disabled={busy}>
          {busy ? t.signingIn : t.signIn}
        </button>
      </div>
    </form>
  )
}
