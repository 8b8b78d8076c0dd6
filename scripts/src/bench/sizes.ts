/**
 * The archive sizes `pnpm bench` measures (issue 17, growth). BENCH_SIZES lists them
 * (`BENCH_SIZES=500,2000,10000`); BENCH_DOCUMENTS=<n> alone measures that one size, as before.
 * The default leaves 10,000 out: seeding and building it takes longer than an everyday run.
 */
export const defaultSizes = [500, 2000]
/** The size of the detailed tables (issues 2, 3, 5): the reference for earlier figures. */
export const referenceSize = 2000

export function benchSizes(env: NodeJS.ProcessEnv = process.env): number[] {
  const listed = env.BENCH_SIZES ?? env.BENCH_DOCUMENTS
  if (!listed) return defaultSizes
  const sizes = listed.split(',').map((part) => Number(part.trim()))
  if (sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`BENCH_SIZES="${listed}" is not a list of document counts: write e.g. BENCH_SIZES=500,2000,10000.`)
  return [...new Set(sizes)].sort((a, b) => a - b)
}

/** The size that gets the detailed tables: 2,000 when measured, else the largest below it, else the smallest. */
export function detailSize(sizes: number[]): number {
  const atMost = sizes.filter((n) => n <= referenceSize)
  return atMost.at(-1) ?? sizes[0]!
}
