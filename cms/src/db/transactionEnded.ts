import type { Payload, PayloadRequest } from 'payload'

type Session = { resolve: () => Promise<unknown> | unknown; reject: () => Promise<unknown> | unknown }
type Sessions = { sessions?: Record<string, Session> }

const ends = new WeakMap<Session, Promise<void>>()

/**
 * Resolves once `req`'s transaction has committed or rolled back (at once outside a transaction).
 * Payload offers no "after commit" hook, and a hook runs before its operation commits: what must
 * follow the commit (starting a site build that reads the change over HTTP, docs/adr/0044) waits
 * here. The drizzle adapters (SQLite and PostgreSQL) end a transaction through its session's
 * `resolve`/`reject`, which return the transaction's own promise: both are wrapped once per session.
 */
export function transactionEnded(payload: Payload, req?: PayloadRequest): Promise<void> {
  const id = req?.transactionID
  if (!id) return Promise.resolve()
  if (id instanceof Promise) return id.then((resolved) => ended(payload, resolved))
  return ended(payload, id)
}

function ended(payload: Payload, id: number | string | null | undefined): Promise<void> {
  const session = id ? (payload.db as unknown as Sessions).sessions?.[String(id)] : undefined
  if (!session) return Promise.resolve()
  let end = ends.get(session)
  if (!end) {
    end = new Promise<void>((done) => {
      const { resolve, reject } = session
      const then = (result: unknown) => {
        Promise.resolve(result).then(
          () => done(),
          () => done(),
        )
        return result
      }
      session.resolve = () => then(resolve())
      session.reject = () => then(reject())
    })
    ends.set(session, end)
  }
  return end
}
