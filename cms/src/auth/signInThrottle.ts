import { type DelayRule, GrowingDelay } from '../throttle/growingDelay.ts'
import { type LimitDatabase, limitKey, sharedLimiter } from '../throttle/store.ts'

const day = 24 * 60 * 60

/**
 * Sign-in throttling instead of an account lock (docs/adr/0027). Nobody can lock an account:
 * failures only make further attempts wait, and the waits are counted where the attacker is.
 * - by account and address: the attacker's own address slows down fast;
 * - by address, over all accounts: one address trying many accounts;
 * - by account, counting only addresses that never signed in to it: many addresses guessing
 *   one password. The account's own people, from where they signed in before, never wait for it.
 */
export const signInRules = {
  accountFromAddress: { name: 'sign-in-account-address', free: 5, firstDelay: 5, maxDelay: 15 * 60, window: day },
  address: { name: 'sign-in-address', free: 30, firstDelay: 5, maxDelay: 60 * 60, window: day },
  account: { name: 'sign-in-account', free: 20, firstDelay: 5, maxDelay: 5 * 60, window: day },
} satisfies Record<string, DelayRule>

export type SignInRule = keyof typeof signInRules

/** How long an address that signed in to an account stays known to it. */
export const knownAddressSeconds = 90 * day

export type SignInAttempt = {
  /** The e-mail address tried, lower case; undefined when none was sent. */
  email?: string
  /** The client's rate-limit key (src/http/clientAddress.ts), "unknown" without one. */
  client: string
}

/** What a successful sign-in must take back; kept on the request between the hooks. */
export type CountedSignIn = { rules: [SignInRule, string][]; knownKey?: string }

export type SignInStart = { ok: true; counted: CountedSignIn } | { ok: false; waitMs: number; rule: SignInRule }

const delays = (database: LimitDatabase) =>
  Object.fromEntries(
    Object.entries(signInRules).map(([name, rule]) => [name, new GrowingDelay(database, rule)]),
  ) as Record<SignInRule, GrowingDelay>

const knownAddresses = (database: LimitDatabase) =>
  sharedLimiter(database, { keyPrefix: 'sign-in-known', points: 1, duration: knownAddressSeconds })

/** The longest wait among the rules, or undefined when none holds the attempt back. */
function longest(waits: [SignInRule, number][]): { waitMs: number; rule: SignInRule } | undefined {
  const [rule, waitMs] = waits.reduce((a, b) => (b[1] > a[1] ? b : a), ['address', 0] as [SignInRule, number])
  return waitMs > 0 ? { waitMs, rule } : undefined
}

/** Before the password is checked: refuse while a rule's wait runs, else count the attempt. */
export async function startSignIn(database: LimitDatabase, attempt: SignInAttempt): Promise<SignInStart> {
  const { email, client } = attempt
  const knownKey = email && client !== 'unknown' ? limitKey(email, client) : undefined
  const known = knownKey ? (await knownAddresses(database).get(knownKey)) !== null : false
  const rules: [SignInRule, string][] = [['address', limitKey(client)]]
  if (email) rules.push(['accountFromAddress', limitKey(email, client)])
  if (email && !known) rules.push(['account', limitKey(email)])

  const limits = delays(database)
  const waiting = longest(
    await Promise.all(
      rules.map(async ([rule, key]) => [rule, await limits[rule].waiting(key)] as [SignInRule, number]),
    ),
  )
  if (waiting) return { ok: false, ...waiting }
  const raced = longest(
    await Promise.all(
      rules.map(async ([rule, key]) => [rule, await limits[rule].attempt(key)] as [SignInRule, number]),
    ),
  )
  if (raced) {
    // Another attempt closed a gate first: this one is not made, so it does not count.
    await Promise.all(rules.map(([rule, key]) => limits[rule].refund(key)))
    return { ok: false, ...raced }
  }
  return { ok: true, counted: { rules, knownKey } }
}

/** After a successful sign-in: its attempt was no failure, and its address is now known. */
export async function finishSignIn(database: LimitDatabase, counted: CountedSignIn): Promise<void> {
  const limits = delays(database)
  await Promise.all(
    counted.rules.map(([rule, key]) =>
      rule === 'accountFromAddress' ? limits[rule].forget(key) : limits[rule].refund(key),
    ),
  )
  if (counted.knownKey) await knownAddresses(database).set(counted.knownKey, 1, knownAddressSeconds)
}
