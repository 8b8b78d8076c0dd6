'use client'
import { useConfig } from '@payloadcms/ui'
import { useState } from 'react'

/** What a staff endpoint answers: its own message, Payload's list of errors, or (send-publication) one error. */
export type EndpointAnswer = { message?: string; errors?: { message?: string }[]; error?: string }

/** The answer's JSON, or an empty object when it has none. */
export async function readAnswer<T extends object = object>(response: Response): Promise<T & EndpointAnswer> {
  return (await response.json().catch(() => ({}))) as T & EndpointAnswer
}

/** The first error an answer reports, if any. */
export const firstError = (answer: EndpointAnswer): string | undefined => answer.errors?.[0]?.message ?? answer.error

/** The first error of a Payload-shaped answer, or the fallback. */
export async function errorOf(response: Response, fallback: string): Promise<string> {
  return firstError(await readAnswer(response)) ?? fallback
}

/** The line staff see: the endpoint's own message, else Payload's first error, else the HTTP status. */
export const answerLine = (response: Response, answer: EndpointAnswer): string =>
  answer.message ?? firstError(answer) ?? `HTTP ${response.status}`

/** The CMS's REST API, as the admin's config addresses it. */
export function useApiUrl(): string {
  const { config } = useConfig()
  return `${config.serverURL ?? ''}${config.routes.api}`
}

/**
 * A button that calls a staff endpoint with the session cookie: busy while the call runs, then
 * the answer's line; `then` runs after a successful answer (a refresh, say).
 */
export function useEndpointCall() {
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  async function call(url: string, init: RequestInit, then?: () => void) {
    setBusy(true)
    try {
      const response = await fetch(url, { ...init, credentials: 'include' })
      setMessage(answerLine(response, await readAnswer(response)))
      if (response.ok) then?.()
    } finally {
      setBusy(false)
    }
  }
  return { busy, message, call }
}

/** The last answer's line, announced to screen readers. */
export function EndpointMessage({ message }: { message: string | null }) {
  if (!message) return null
  return (
    <p role="status">
      <strong>{message}</strong>
    </p>
  )
}
