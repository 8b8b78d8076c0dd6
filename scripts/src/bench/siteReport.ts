import { benchTopicCount } from './seed.ts'
import { type BuildMeasure, buildLogDir, gib, type SiteBenchResult, type SiteBuildMeasure } from './siteBench.ts'

export const buildRatioTarget = 1.3
export const peakMemoryTarget = 2 * 2 ** 30
export const pageWeightTarget = 20 * 1024

const verdict = (ok: boolean) => (ok ? 'met' : '**missed**')
const s = (value: number | undefined) => (value === undefined ? '–' : `${value.toFixed(1)} s`)
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const fastest = <T extends BuildMeasure>(runs: T[]): T => runs.reduce((a, b) => (b.seconds < a.seconds ? b : a))
const peak = (runs: BuildMeasure[]) => Math.max(...runs.map((r) => r.peakRssBytes))
const allTimes = (runs: BuildMeasure[]) => runs.map((r) => r.seconds.toFixed(1)).join(', ')

export function siteSection(result: SiteBenchResult, documentCount: number): string {
  const { cold } = result
  const bare = fastest(result.bare)
  const warm = fastest(result.warm)
  const ratio = cold.seconds / bare.seconds
  const sitePeak = Math.max(cold.peakRssBytes, peak(result.warm))
  const heaviest = result.pageWeights.reduce((a, b) => (b.totalGzip > a.totalGzip ? b : a))
  const withScripts = result.pageWeights.filter((w) => w.scripts.length > 0)
  const warmFetched = Math.max(...result.warm.map((w) => w.fetched))
  const otherFiles =
    Object.entries(result.outputs.otherFiles)
      .sort(([, a], [, b]) => b - a)
      .map(([extension, count]) => `${count} ${extension}`)
      .join(', ') || 'nothing else'
  const sameUrls = result.outputs.site === result.outputs.bare
  const siteRow = (name: string, b: SiteBuildMeasure, times: string, peakBytes: number) =>
    `| ${name} | ${times} | ${gib(peakBytes)} GiB | ${s(b.astroSeconds)} | ${s(b.renderSeconds)} | ${b.requests} in ${s(b.cmsSeconds)}, ${b.fetched} of ${b.published} documents fetched | ${s(b.pagefindSeconds)} |`
  const weightRow = (w: SiteBenchResult['pageWeights'][number]) =>
    `| \`/${w.page}/\` | ${kb(w.htmlBytes)} | ${kb(w.htmlGzip)} | ${w.cssFiles.length === 0 ? 'inline (in the HTML)' : `${w.cssFiles.length} file(s), ${kb(w.cssGzip)}`} | ${kb(w.totalGzip)} | ${w.scripts.length === 0 ? 'none' : w.scripts.map((tag) => `\`${tag}\``).join(' ')} |`
  return `## Site (issue 3)

Data: the same database (${documentCount} publications + the founding statement, ${benchTopicCount + 1} topics, one press contact),
read by the Astro build from the built CMS (\`next start\`) over its REST API as an anonymous client, through a loopback
proxy that counts the requests. Each build is \`astro build\` through Astro's API in a process of its own, with
throw-away output, file cache and Astro cache directories (the content layer store is \`<cacheDir>/data-store.json\`,
by default \`site/node_modules/.astro/\`, which is not touched). Wall time is from spawning the build to its exit; peak
memory is the highest sum of the resident set sizes of the build process and all its children (Pagefind), sampled from
/proc every 100 ms. The cold site build runs once (it renders every PDF edition: minutes, on a shared machine); the
baseline and the warm rebuild ${result.runs} time(s) each, and the table shows the fastest run and the highest peak. The logs of the last run's builds are kept in \`${buildLogDir}\`.

The **bare Astro baseline** is a minimal Astro 7 project generated in a temporary directory (the site's \`astro\` package,
symlinked): one catch-all page and one catch-all endpoint that write the same ${result.outputs.site} URLs as the site
(${sameUrls ? 'checked: the same count' : `**the counts differ: site ${result.outputs.site}, baseline ${result.outputs.bare}**`}: every document in both languages, every list, archive and topic page, every feed) from a
JSON snapshot of the same content, with a trivial layout and the same body HTML (\`@pressroom/shared/richtext\`), no
content collections and no integrations. Besides those URLs the site writes ${otherFiles}, which the baseline does not.

| Build | wall time (all runs) | peak RSS, process tree | Astro's "built in" | rendering the routes | CMS requests | Pagefind |
| --- | --- | --- | --- | --- | --- | --- |
| Bare Astro 7, same URLs | ${s(bare.seconds)} (${allTimes(result.bare)}) | ${gib(peak(result.bare))} GiB | ${s(bare.astroSeconds)} | ${s(bare.renderSeconds)} | – | – |
${siteRow('Site, cold (empty loader store, file and edition caches)', cold, s(cold.seconds), cold.peakRssBytes)}
${siteRow('Site, warm rebuild (store kept, nothing changed, fresh output directory)', warm, `${s(warm.seconds)} (${allTimes(result.warm)})`, peak(result.warm))}

Page weight: the document page's HTML and the stylesheets it links to, each gzipped at level 6 (Astro inlines the
site's small stylesheet into the page). A typical benchmark document and the founding statement (the longest real
text in the seed):

| Page | HTML | HTML gzip | CSS gzip | HTML + CSS gzip | scripts other than JSON-LD |
| --- | --- | --- | --- | --- | --- |
${result.pageWeights.map(weightRow).join('\n')}

| Target | Measured | Verdict |
| --- | --- | --- |
| Full build of ${documentCount} documents × 2 languages within ${buildRatioTarget} × a bare Astro build of the same pages | ${s(cold.seconds)} / ${s(bare.seconds)} = ${ratio.toFixed(2)} × | ${verdict(ratio <= buildRatioTarget)} |
| Full build under 2 GiB peak memory | ${gib(sitePeak)} GiB | ${verdict(sitePeak < peakMemoryTarget)} |
| A rebuild with nothing changed fetches no document again | ${warmFetched} of ${warm.published} fetched, ${warm.requests} requests in ${s(warm.cmsSeconds)} (cold: ${cold.requests} in ${s(cold.cmsSeconds)}) | ${verdict(warmFetched === 0)} |
| Document page ≤ 20 KB gzip, HTML + CSS | heaviest ${kb(heaviest.totalGzip)} | ${verdict(heaviest.totalGzip <= pageWeightTarget)} |
| No JavaScript needed to read a document | ${withScripts.length === 0 ? 'no script but JSON-LD' : `${withScripts.length} page(s) with other scripts`} | ${verdict(withScripts.length === 0)} |
| Publish → live page under 60 s on the embedded default | not measured: needs rebuild-on-publish (branch \`site-rebuild\`), see \`scripts/src/bench/publishLatency.ts\` | not measured |

For comparison with the issue's own reference ("a bare Astro 7 build of 4,005 pages took about 23 s and 0.9 GB here",
so 1.3 × ≈ 30 s): the site's cold build of ${result.outputs.site} URLs took ${s(cold.seconds)} with a peak of ${gib(cold.peakRssBytes)} GiB.
`
}
