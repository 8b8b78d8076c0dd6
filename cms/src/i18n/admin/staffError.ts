import { type AfterErrorHook, APIError } from 'payload'
import { type AdminArea, type AdminKey, adminT } from './adminT.ts'
import { en } from './en.ts'

/** A value to fill in, or another word of the same area (`{ word: 'status:planned' }`), translated too. */
type Value = string | number | { word: string }
type Worded = { area: AdminArea; key: string; vars?: Record<string, Value> }
type Said = Error & { staffWords?: Worded }

const lookUp = (area: AdminArea, key: string): string =>
  String(key.split(':').reduce<unknown>((at, part) => (at as Record<string, unknown>)?.[part], en[area]) ?? key)

/** The words in one language: `say` reads a key of the area. */
function word({ key, vars }: Worded, say: (key: string, vars?: Record<string, unknown>) => string): string {
  const filled = Object.fromEntries(
    Object.entries(vars ?? {}).map(([name, value]) => [name, typeof value === 'object' ? say(value.word) : value]),
  )
  return say(key, filled)
}

/** The English text, for the log and for callers without a request (jobs, scripts). */
const inEnglish = (words: Worded) =>
  word(words, (key, vars) =>
    lookUp(words.area, key).replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars?.[name] ?? '')),
  )

/**
 * A refusal staff read, thrown where no request is at hand (planDispatch and requestResend work
 * on the Local API alone): it carries its words, and `translateStaffErrors` answers the REST call
 * in the staff member's admin language. Its own message is English, for the log.
 */
export function staffError<A extends AdminArea>(
  area: A,
  key: AdminKey<A>,
  vars: Record<string, Value> | undefined,
  status: number,
): APIError {
  const words: Worded = { area, key, vars }
  const error = new APIError<Record<string, unknown> | null>(inEnglish(words), status, null, true)
  return Object.assign(error, { staffWords: words })
}

/** Config afterError hook: words a `staffError` in the caller's admin language (docs/adr/0041). */
export const translateStaffErrors: AfterErrorHook = ({ error, req, result }) => {
  const words = (error as Said).staffWords
  if (!words || !req?.i18n) return
  const say = adminT(req.i18n.t, words.area) as (key: string, vars?: Record<string, unknown>) => string
  const message = word(words, say)
  return { response: { ...(result as object), errors: [{ message }], message } }
}
