import { publicFormBytes } from './bodyLimits.ts'
import { readBodyUpTo } from './boundedBody.ts'

/** A form's fields by name; a field sent more than once is an array, a file field an empty string. */
export type FormFields = Record<string, unknown>

export type FormRead =
  | { ok: true; fields: FormFields }
  /** tooLarge: over publicFormBytes; unreadable: a body its type cannot parse; unsupported: a type not read here. */
  | { ok: false; problem: 'tooLarge' | 'unreadable' | 'unsupported' }

export type FormOptions = {
  /**
   * Also what scripts send: a JSON object, and a body without a Content-Type (read as
   * urlencoded). Browsers' forms always name their type, so a page answering only its own
   * button (the acknowledgement page) leaves this off.
   */
  fromScripts?: boolean
}

/**
 * Reads the form of a reader's page (subscription pages, the acknowledgement button), urlencoded
 * or multipart, from at most publicFormBytes of the body: the rest is never buffered
 * (docs/adr/0035).
 */
export async function readPublicForm(request: Request, { fromScripts = false }: FormOptions = {}): Promise<FormRead> {
  const body = await readBodyUpTo(request, publicFormBytes)
  if (!body) return { ok: false, problem: 'tooLarge' }
  const header = request.headers.get('content-type') ?? ''
  const type = header.toLowerCase()
  // No prototype: a field named __proto__ is a field like any other.
  const fields: FormFields = Object.create(null)
  const add = (key: string, value: unknown) => {
    const existing = fields[key]
    fields[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value]
  }
  try {
    if (fromScripts && type.startsWith('application/json')) {
      const parsed: unknown = body.byteLength ? JSON.parse(Buffer.from(body).toString('utf8')) : {}
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object')
      return { ok: true, fields: parsed as FormFields }
    }
    if (type.startsWith('application/x-www-form-urlencoded') || (fromScripts && type === '')) {
      for (const [key, value] of new URLSearchParams(Buffer.from(body).toString('utf8'))) add(key, value)
      return { ok: true, fields }
    }
    if (type.startsWith('multipart/form-data')) {
      // The header as sent: a multipart boundary is case-sensitive (browsers' have capitals).
      const form = await new Response(new Uint8Array(body), { headers: { 'content-type': header } }).formData()
      for (const [key, value] of form) add(key, typeof value === 'string' ? value : '')
      return { ok: true, fields }
    }
  } catch {
    return { ok: false, problem: 'unreadable' }
  }
  return { ok: false, problem: 'unsupported' }
}

/** The first value of a field that may have been sent more than once. */
export const firstValue = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value)
