import type { Payload } from 'payload'
import type { Role } from '../../access/roles.ts'
import { createStaff, type StaffUser, staffPassword } from '../../testing/payload.ts'
import { type ServedRest, serveRest } from '../../testing/serveRest.ts'
import { jsonOf } from './http.ts'

export type Who = 'anonymous' | Role
export const everyone: readonly Who[] = ['anonymous', 'translator', 'editor', 'admin']
export const staff: readonly Who[] = ['translator', 'editor', 'admin']
export const publishers: readonly Who[] = ['editor', 'admin']

export type Reply = { status: number; json: any; message: string }

type CallOptions = { body?: unknown; form?: FormData; language?: 'en' | 'ru' }

export type RestAs = {
  url: string
  users: Record<Role, StaffUser>
  call: (who: Who, method: string, path: string, options?: CallOptions) => Promise<Reply>
  close: () => Promise<void>
}

/**
 * The CMS's REST API on a loopback port, signed in as each role the way the admin is (a JWT from
 * POST /api/users/login), or not signed in at all.
 */
export async function restAs(payload: Payload): Promise<RestAs> {
  const served: ServedRest = await serveRest(payload)
  const users = {} as Record<Role, StaffUser>
  const tokens = {} as Record<Role, string>

  async function call(who: Who, method: string, path: string, options: CallOptions = {}): Promise<Reply> {
    const headers = new Headers({ 'Accept-Language': options.language ?? 'en' })
    if (who !== 'anonymous') headers.set('Authorization', `JWT ${tokens[who]}`)
    let body: BodyInit | undefined
    if (options.form) body = options.form
    else if (options.body !== undefined) {
      headers.set('Content-Type', 'application/json')
      body = JSON.stringify(options.body)
    }
    const response = await fetch(`${served.url}/api${path}`, { method, headers, body })
    const text = await response.text()
    const json = jsonOf(text)
    const message = String(json?.errors?.[0]?.message ?? json?.message ?? text)
    return { status: response.status, json, message }
  }

  for (const role of ['admin', 'editor', 'translator'] as const) {
    users[role] = await createStaff(payload, role)
    const login = await call('anonymous', 'POST', '/users/login', {
      body: { email: users[role].email, password: staffPassword },
    })
    if (login.status !== 200) throw new Error(`${role} could not log in: ${login.status} ${login.message}`)
    tokens[role] = login.json.token
  }
  return { url: served.url, users, call, close: served.close }
}
