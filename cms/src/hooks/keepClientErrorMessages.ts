import type { AfterErrorHook } from 'payload'

const unknown = 'An unknown error occurred.'

/**
 * Payload words an error by its class name, and the built CMS's bundler leaves Payload's error
 * classes nameless: every refusal our hooks word with care (an unknown locale, a malformed query,
 * a role's refusal) reached the caller as "An unknown error occurred." with the right status. A
 * public client error (4xx) keeps its own message (docs/adr/0035); server errors stay unworded.
 */
export const keepClientErrorMessages: AfterErrorHook = ({ error, result }) => {
  const { status, isPublic, message } = error as Error & { status?: number; isPublic?: boolean }
  const isClientError = typeof status === 'number' && status >= 400 && status < 500
  const worded = (result as { errors?: { message?: string }[] } | undefined)?.errors?.[0]?.message
  if (!isClientError || isPublic === false || !message || worded !== unknown) return
  return { response: { errors: [{ message }], message } }
}
