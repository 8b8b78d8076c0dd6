import { isDeepStrictEqual } from 'node:util'
import type { Reply, Who } from './restAs.ts'

/** One operation tried by each role on fresh documents. */
export type RoleCase<F> = {
  name: string
  allowed: readonly Who[]
  /** Fresh documents for one attempt. */
  setup: () => Promise<F>
  run: (who: Who, fixture: F) => Promise<Reply>
  /** After an allowed attempt: undefined if it did what it should, else what is missing. */
  happened: (fixture: F, reply: Reply) => Promise<string | undefined>
  /** Everything a refused attempt must leave exactly as it was. */
  state: (fixture: F) => Promise<unknown>
}

/** Payload's own refusal, which says nothing about what to do; ours always name who can. */
const genericRefusal = /not allowed to perform this action/i

/**
 * Tries the case as each role and lists what went wrong: an allowed role refused or without the
 * effect, a refused role answered with anything but 401/403, a staff refusal without a message
 * saying what to do, or a refusal that still changed something.
 */
export async function problemsWith<F>(roleCase: RoleCase<F>, roles: readonly Who[]): Promise<string[]> {
  const problems: string[] = []
  for (const who of roles) {
    const fixture = await roleCase.setup()
    const before = await roleCase.state(fixture)
    const reply = await roleCase.run(who, fixture)
    const label = `${roleCase.name} as ${who}`
    if (roleCase.allowed.includes(who)) {
      if (reply.status >= 300) problems.push(`${label}: expected success, got ${reply.status} ${reply.message}`)
      else {
        const missing = await roleCase.happened(fixture, reply)
        if (missing) problems.push(`${label}: succeeded but ${missing}`)
      }
      continue
    }
    const expected = who === 'anonymous' ? [401, 403] : [403]
    if (!expected.includes(reply.status)) {
      problems.push(`${label}: expected refusal, got ${reply.status} ${reply.message.slice(0, 200)}`)
    } else if (who !== 'anonymous' && genericRefusal.test(reply.message)) {
      problems.push(`${label}: refused without saying what to do ("${reply.message}")`)
    }
    const after = await roleCase.state(fixture)
    if (!isDeepStrictEqual(before, after)) problems.push(`${label}: refused, yet something changed`)
  }
  return problems
}
