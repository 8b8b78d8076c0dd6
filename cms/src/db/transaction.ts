import type { Payload, PayloadRequest } from 'payload'

/**
 * Runs `work` in one database transaction, on SQLite as on PostgreSQL (docs/adr/0029): every
 * Local API call given the `req` it receives, and every raw statement run through
 * `transactionDb(payload, req)`, commit together or not at all. Given a `req` inside a
 * transaction already (a hook's), it joins that one and leaves the commit to its owner.
 * (Only the adapter's own methods are used, so the crash tests' bare-SQL workers can load
 * this without Payload.)
 */
export async function inTransaction<T>(
  payload: Payload,
  work: (req: PayloadRequest) => Promise<T>,
  outer?: PayloadRequest,
): Promise<T> {
  if (outer?.transactionID) return work(outer)
  const req = outer ?? ({} as PayloadRequest)
  const id = await payload.db.beginTransaction()
  if (!id) return work(req)
  req.transactionID = id
  try {
    const result = await work(req)
    await payload.db.commitTransaction(id)
    return result
  } catch (error) {
    await payload.db.rollbackTransaction(id)
    throw error
  } finally {
    delete req.transactionID
  }
}

/**
 * A request of its own in `req`'s transaction. Payload keeps what a call was given (its locale,
 * depth, draft state) on the req it receives, so calls for other collections or locales inside a
 * hook or another operation take this instead of that operation's req.
 */
export const sameTransaction = (req: PayloadRequest): PayloadRequest =>
  ({ transactionID: req.transactionID }) as PayloadRequest

type DrizzleAdapter = { name: string; drizzle: unknown; sessions?: Record<string, { db: unknown }> }

/** The drizzle handle of `req`'s transaction, or the adapter's own outside one. */
export async function drizzleFor(payload: Payload, req?: PayloadRequest): Promise<unknown> {
  const db = payload.db as unknown as DrizzleAdapter
  const id = req?.transactionID instanceof Promise ? await req.transactionID : req?.transactionID
  return (id && db.sessions?.[String(id)]?.db) || db.drizzle
}

/**
 * A database handle for raw SQL (`SqlDatabase`, db/sql.ts) whose statements run in
 * `req`'s transaction.
 */
export async function transactionDb(payload: Payload, req?: PayloadRequest) {
  return { db: { name: payload.db.name, drizzle: await drizzleFor(payload, req) }, logger: payload.logger }
}
