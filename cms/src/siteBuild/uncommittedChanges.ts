/**
 * Builds that carry a change whose transaction has not committed yet, in this process. On
 * PostgreSQL a build request writes outside the saving transaction (see `oneAtATime`), so without
 * this a build could start, read the CMS over HTTP and miss the very change it lists, and release
 * its e-mail too early (docs/adr/0044). On SQLite the build's own transaction waits for the
 * writer anyway; holding there as well keeps one rule. A crash ends the transaction and the hold.
 */
const holds = new Map<string, Set<Promise<void>>>()

/** Build `id` waits until `committed` (the saving transaction's end) before it starts. */
export function holdUntilCommitted(id: number | string, committed: Promise<void>): void {
  const key = String(id)
  const set = holds.get(key) ?? new Set<Promise<void>>()
  holds.set(key, set)
  set.add(committed)
  void committed.then(() => {
    set.delete(committed)
    if (set.size === 0 && holds.get(key) === set) holds.delete(key)
  })
}

export const hasUncommittedChanges = (id: number | string): boolean => holds.has(String(id))

/** Waits until every change build `id` carries has committed, or until `deadline` (ms since epoch). */
export async function changesCommitted(id: number | string, deadline: number): Promise<void> {
  const set = holds.get(String(id))
  if (!set) return
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, Math.max(0, deadline - Date.now()))
  })
  await Promise.race([Promise.all(set), late])
  clearTimeout(timer)
}
