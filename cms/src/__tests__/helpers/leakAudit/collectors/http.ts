import { refNeedle } from '../markers.ts'
import type { AuditRecord } from '../records.ts'

/** Runs `tasks` with at most `width` at a time, keeping their order. */
export async function inParallel<T>(tasks: (() => Promise<T>)[], width = 4): Promise<T[]> {
  const results: T[] = new Array(tasks.length)
  let next = 0
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++
      results[index] = await tasks[index]!()
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, worker))
  return results
}

/**
 * What an anonymous request gets, as a record: status and body, plus a `ref:` needle for every
 * polymorphic relationship in a JSON body (`{relationTo, value}`), whose bare id can reveal that
 * an unreleased document exists.
 */
export async function anonymousRecord(where: string, response: Response): Promise<AuditRecord> {
  const body = await response.text()
  return { where, text: `${response.status}\n${body}\n${relationNeedles(body).join('\n')}` }
}

export function relationNeedles(body: string): string[] {
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return []
  }
  const needles = new Set<string>()
  const walk = (value: unknown) => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item)
      return
    }
    if (!value || typeof value !== 'object') return
    const { relationTo, value: target } = value as { relationTo?: unknown; value?: unknown }
    if (typeof relationTo === 'string' && target !== null && target !== undefined) {
      const id = typeof target === 'object' ? (target as { id?: unknown }).id : target
      if (typeof id === 'string' || typeof id === 'number') needles.add(refNeedle(relationTo, id))
    }
    for (const child of Object.values(value)) walk(child)
  }
  walk(json)
  return [...needles]
}
