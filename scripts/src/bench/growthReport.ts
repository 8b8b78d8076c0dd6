/**
 * The growth section of docs/benchmarks.md (issue 17): each measure at every size, its time or
 * memory per document, and how it grows from one size to the next, with the issue's targets.
 */
import { samples } from './foundation.ts'
import type { HugoResult } from './hugoBench.ts'
import type { BuildMeasure } from './siteBench.ts'
import { gib } from './siteBench.ts'
import type { PublishLatency } from './siteReport.ts'
import { embargoLiveTarget, peakMemoryTarget } from './siteReport.ts'
import { referenceSize } from './sizes.ts'

export type SizeFigures = {
  documents: number
  /** Seeding up to this size from scratch: the earlier steps' time plus this step's. */
  seedSeconds: number
  /** This step alone: from the previous size (0 for the first) to this one. */
  seedStep: { from: number; seconds: number }
  /** The highest p95 of the foundation's list requests (REST and admin list pages). */
  listP95Ms: number
  fullCold: BuildMeasure
  /** The fastest warm rebuild with editions, nothing changed. */
  fullWarm: BuildMeasure
  /** The highest peak of the full builds (cold and warm), process tree. */
  fullPeakBytes: number
  publish?: PublishLatency | Error
  hugo: HugoResult
}

/** Issue 17: publish → live page at 2,000 documents with editions on. */
export const publishLiveTarget = 5
/** …and at 10,000 at most this many times the 2,000 figure. */
export const publishGrowthTarget = 1.5
export const largeSize = 10000

const verdict = (ok: boolean) => (ok ? 'met' : '**missed**')
const s = (value: number) => `${value.toFixed(1)} s`
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!

function publishSeconds(f: SizeFigures): { median: number; worst: number; all: number[] } | undefined {
  if (!f.publish || f.publish instanceof Error || f.publish.samples.length === 0) return undefined
  const all = f.publish.samples.map((p) => p.seconds)
  return { median: median(all), worst: Math.max(...all), all }
}
function embargoSeconds(f: SizeFigures): number | undefined {
  const embargo = f.publish && !(f.publish instanceof Error) ? f.publish.embargo : undefined
  return embargo && !(embargo instanceof Error) ? embargo.liveSeconds : undefined
}

/**
 * The growth exponent k of m ∝ n^k between two sizes: 1 is linear. Within ±0.15 of 1 is called
 * linear (the machine is shared, and one run per size is noisy), below sub-linear, above super-linear.
 */
export function growth(n1: number, m1: number, n2: number, m2: number): string {
  if (!(m1 > 0) || !(m2 > 0)) return '–'
  const k = Math.log(m2 / m1) / Math.log(n2 / n1)
  const kind = k < 0.85 ? 'sub-linear' : k <= 1.15 ? 'linear' : 'super-linear'
  return `× ${(m2 / m1).toFixed(2)}, exponent ${k.toFixed(2)}: ${kind}`
}

type Measure = { name: string; value: (f: SizeFigures) => number | undefined; show: (v: number, n: number) => string }
const timeShown = (v: number, n: number) => `${s(v)} (${((v / n) * 1000).toFixed(1)} ms/doc)`
const msShown = (v: number) => `${Math.round(v)} ms`
const memShown = (v: number, n: number) => `${gib(v)} GiB (${(v / n / 2 ** 20).toFixed(2)} MiB/doc)`

const measures: Measure[] = [
  { name: 'Seed from scratch (Local API)', value: (f) => f.seedSeconds, show: timeShown },
  { name: 'CMS list p95, worst of the 4 list requests', value: (f) => f.listP95Ms, show: msShown },
  { name: 'Full site build with editions, cold', value: (f) => f.fullCold.seconds, show: timeShown },
  { name: 'Full site build with editions, warm (nothing changed)', value: (f) => f.fullWarm.seconds, show: timeShown },
  { name: 'Publish → live page (median)', value: (f) => publishSeconds(f)?.median, show: (v) => s(v) },
  { name: 'Embargo end → live page', value: embargoSeconds, show: (v) => s(v) },
  { name: 'Peak memory of a full build (process tree)', value: (f) => f.fullPeakBytes, show: memShown },
  {
    name: 'Hugo, same pages and lists, cold',
    value: (f) => ('cold' in f.hugo ? f.hugo.cold.seconds : undefined),
    show: timeShown,
  },
  {
    name: 'Hugo, run again',
    value: (f) => ('again' in f.hugo ? f.hugo.again.seconds : undefined),
    show: timeShown,
  },
  {
    name: 'Hugo peak memory',
    value: (f) => ('cold' in f.hugo ? Math.max(f.hugo.cold.peakRssBytes, f.hugo.again.peakRssBytes) : undefined),
    show: memShown,
  },
]

function hugoRatios(f: SizeFigures): string[] {
  if (!('cold' in f.hugo)) return [`| ${f.documents} | ${f.hugo.missing} | – | – | – |`]
  const hugo = f.hugo.cold.seconds
  const publish = publishSeconds(f)
  const r = (v: number | undefined) => (v === undefined ? '–' : `${(v / hugo).toFixed(1)} ×`)
  return [
    `| ${f.documents} | ${s(hugo)} (${f.hugo.outputs} pages and feeds) | ${r(f.fullCold.seconds)} | ${r(f.fullWarm.seconds)} | ${r(publish?.median)} |`,
  ]
}

export function growthSection(figures: SizeFigures[], run: { wallSeconds: number; detailSize: number }): string {
  const sizes = figures.map((f) => f.documents)
  const steps = figures.slice(1).map((f, i) => [figures[i]!, f] as const)
  const header = `| Measure | ${sizes.map((n) => `${n} documents`).join(' | ')} | ${steps.map(([a, b]) => `${a.documents} → ${b.documents} (size × ${(b.documents / a.documents).toFixed(1)})`).join(' | ')} |`
  const rule = `| --- | ${sizes.map(() => '---').join(' | ')} | ${steps.map(() => '---').join(' | ')} |`
  const rows = measures.map((m) => {
    const cells = figures.map((f) => {
      const v = m.value(f)
      return v === undefined ? '–' : m.show(v, f.documents)
    })
    const grows = steps.map(([a, b]) => {
      const va = m.value(a)
      const vb = m.value(b)
      return va === undefined || vb === undefined ? '–' : growth(a.documents, va, b.documents, vb)
    })
    return `| ${m.name} | ${cells.join(' | ')} | ${grows.join(' | ')} |`
  })
  const seedSteps = figures.map((f) => `${f.seedStep.from} → ${f.documents}: ${s(f.seedStep.seconds)}`).join('; ')

  const at = (n: number) => figures.find((f) => f.documents === n)
  const reference = at(referenceSize)
  const large = at(largeSize)
  const refPublish = reference && publishSeconds(reference)
  const largePublish = large && publishSeconds(large)
  const targets = [
    refPublish
      ? `| Publish → live page ≤ ${publishLiveTarget} s at ${referenceSize} documents, editions on (worst sample) | ${refPublish.all.map(s).join(', ')} (worst ${s(refPublish.worst)}) | ${verdict(refPublish.worst <= publishLiveTarget)} |`
      : `| Publish → live page ≤ ${publishLiveTarget} s at ${referenceSize} documents | ${reference ? `failed: ${String((reference.publish as Error | undefined)?.message ?? 'not measured').split('\n')[0]}` : `not measured (${referenceSize} not in BENCH_SIZES)`} | not measured |`,
    largePublish && refPublish
      ? `| Publish → live page at ${largeSize} ≤ ${publishGrowthTarget} × the ${referenceSize} figure (medians) | ${s(largePublish.median)} / ${s(refPublish.median)} = ${(largePublish.median / refPublish.median).toFixed(2)} × | ${verdict(largePublish.median <= publishGrowthTarget * refPublish.median)} |`
      : `| Publish → live page at ${largeSize} ≤ ${publishGrowthTarget} × the ${referenceSize} figure | not measured (run with \`BENCH_SIZES=500,2000,10000\`) | not measured |`,
    ...figures.map((f) => {
      const e = embargoSeconds(f)
      return `| Embargo end → live page ≤ ${embargoLiveTarget} s, ${f.documents} documents | ${e === undefined ? 'not measured or failed' : s(e)} | ${e === undefined ? 'not measured' : verdict(e <= embargoLiveTarget)} |`
    }),
    large
      ? `| Peak memory of a full build at ${largeSize} documents ≤ 2 GiB | ${gib(large.fullPeakBytes)} GiB | ${verdict(large.fullPeakBytes <= peakMemoryTarget)} |`
      : `| Peak memory of a full build at ${largeSize} documents ≤ 2 GiB | not measured (run with \`BENCH_SIZES=500,2000,10000\`) | not measured |`,
  ]

  return `## Growth with the archive (issue 17)

Sizes: ${sizes.join(', ')} documents (\`BENCH_SIZES\`; the default leaves 10,000 out: \`BENCH_SIZES=500,2000,10000 pnpm bench\`
adds it). One SQLite database grows from one size to the next: each size adds only the documents it lacks, the same
documents a seed from scratch writes (${seedSteps}), and "seed from scratch" is the sum of the steps. At each size: the
foundation's list requests (p95 of ${samples} each, the worst of the four list pages), the site with editions built
once cold and twice warm (at ${run.detailSize}: by the detailed site benchmark below, once cold and BENCH_SITE_RUNS times warm),
the fastest warm shown, publish → live page and embargo end → live page through the main command on a copy of the
database (as in the site section), and Hugo building the same pages from the same snapshot. The detailed tables below
are at ${run.detailSize} documents. The whole run took ${(run.wallSeconds / 60).toFixed(1)} minutes.

Growth between two sizes: the measure's ratio and the exponent k of measure ∝ size^k (k = 1 is linear; within
0.85 … 1.15 called linear, below sub-linear, above super-linear). Times with a fixed part (the debounce, the CMS's
start, Astro's start) grow sub-linearly at small sizes by construction; the per-document figure shows the rest.

${header}
${rule}
${rows.join('\n')}

**Hugo as the limit**: Debian's \`hugo\` builds the same document pages (both languages), paginated lists per kind,
year and topic, home pages and RSS feeds (full text, latest 50) per language, kind and topic, with the same layout parts
(title, description, canonical, hreflang, feed link, navigation, language switch, footer, inline stylesheet), from
the JSON snapshot the plain Astro baseline reads (\`scripts/src/bench/hugoProject.ts\`, \`hugoTemplates.ts\`). It has
no CMS, no PDF editions, no search index and no media. "Run again" is the same project into a fresh output
directory: Hugo keeps no build state between runs (no incremental build outside \`hugo server\`).

| Documents | Hugo, cold | site full build cold ÷ Hugo | site full build warm ÷ Hugo | publish → live ÷ Hugo |
| --- | --- | --- | --- | --- |
${figures.flatMap(hugoRatios).join('\n')}

| Target (issue 17) | Measured | Verdict |
| --- | --- | --- |
${targets.join('\n')}
`
}
