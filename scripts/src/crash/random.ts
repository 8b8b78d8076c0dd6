/**
 * A seeded random source (mulberry32), so the choices of a crash run (which phase, how long to
 * wait before the kill, when the publication is scheduled) can be replayed from its seed. The
 * instants the machine reaches are not replayed: the same seed aims at the same moments.
 */
export type Random = {
  /** A number in [0, 1). */
  next: () => number
  /** A whole number from `min` to `max`, both included. */
  int: (min: number, max: number) => number
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, int: (min, max) => min + Math.floor(next() * (max - min + 1)) }
}

/** CRASH_SEED, or a new seed (printed by the test so a failure can be replayed). */
export function crashSeed(): number {
  const given = process.env.CRASH_SEED
  if (given) {
    const seed = Number(given)
    if (!Number.isSafeInteger(seed)) throw new Error(`CRASH_SEED=${given} is not a whole number.`)
    return seed
  }
  return Math.floor(Math.random() * 2 ** 31)
}
