import type { EmbargoSample } from './embargoLatency.ts'
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

export type PublishLatency = {
  samples: { seconds: number; path: string }[]
  firstBuildSeconds: number
  embargo?: EmbargoSample | Error
}
/** Issue 17: the page is live within 5 s of the embargo's end. */
export const embargoLiveTarget = 5
export const publishLatencyTarget = 60

export function siteSection(result: SiteBenchResult, documentCount: number, publish?: PublishLatency | Error): string {
  const bareCold = fastest(result.bare.cold)
  const bareWarm = fastest(result.bare.warm)
  const siteCold = fastest(result.site.cold)
  const siteWarm = fastest(result.site.warm)
  const fullCold = result.full.cold
  const fullWarm = fastest(result.full.warm)
  const coldRatio = siteCold.seconds / bareCold.seconds
  const warmRatio = siteWarm.seconds / bareWarm.seconds
  const fullRatio = fullCold.seconds / bareCold.seconds
  const sitePeak = Math.max(
    fullCold.peakRssBytes,
    peak(result.full.warm),
    peak(result.site.cold),
    peak(result.site.warm),
  )
  const heaviest = result.pageWeights.reduce((a, b) => (b.totalGzip > a.totalGzip ? b : a))
  const withScripts = result.pageWeights.filter((w) => w.scripts.length > 0)
  const warmFetched = Math.max(...[...result.full.warm, ...result.site.warm].map((w) => w.fetched))
  const otherFiles =
    Object.entries(result.outputs.otherFiles)
      .sort(([, a], [, b]) => b - a)
      .map(([extension, count]) => `${count} ${extension}`)
      .join(', ') || 'nothing else'
  const { onlySite, onlyBare } = result.outputs
  const sameUrls =
    onlySite.length === 0 && onlyBare.length === 0
      ? `checked: the same ${result.outputs.site} URLs, file for file`
      : `**not the same URLs**: only the site writes ${onlySite.length} (${onlySite.slice(0, 5).join(', ')}), only the baseline ${onlyBare.length} (${onlyBare.slice(0, 5).join(', ')})`
  const siteRow = (name: string, runs: SiteBuildMeasure[]) => {
    const b = fastest(runs)
    return `| ${name} | ${s(b.seconds)} (${allTimes(runs)}) | ${gib(peak(runs))} GiB | ${s(b.astroSeconds)} | ${s(b.renderSeconds)} | ${b.requests} in ${s(b.cmsSeconds)}, ${b.fetched} of ${b.published} documents fetched | ${s(b.pagefindSeconds)} |`
  }
  const bareRow = (name: string, runs: BuildMeasure[]) => {
    const b = fastest(runs)
    return `| ${name} | ${s(b.seconds)} (${allTimes(runs)}) | ${gib(peak(runs))} GiB | ${s(b.astroSeconds)} | ${s(b.renderSeconds)} | – | – |`
  }
  const weightRow = (w: SiteBenchResult['pageWeights'][number]) =>
    `| \`/${w.page}/\` | ${kb(w.htmlBytes)} | ${kb(w.htmlGzip)} | ${w.cssFiles.length === 0 ? 'inline (in the HTML)' : `${w.cssFiles.length} file(s), ${kb(w.cssGzip)}`} | ${kb(w.totalGzip)} | ${w.scripts.length === 0 ? 'none' : w.scripts.map((tag) => `\`${tag}\``).join(' ')} |`
  const ratio = (a: BuildMeasure, b: BuildMeasure) =>
    `${s(a.seconds)} / ${s(b.seconds)} = ${(a.seconds / b.seconds).toFixed(2)} ×`
  const extra = (a: BuildMeasure, b: BuildMeasure) =>
    `+${(a.seconds - b.seconds).toFixed(1)} s (${s(a.seconds)} with, ${s(b.seconds)} without)`
  let publishRow: string
  let publishText = ''
  if (!publish) {
    publishRow = '| Publish → live page under 60 s on the embedded default | not measured in this run | not measured |'
  } else if (publish instanceof Error) {
    publishRow = `| Publish → live page under 60 s on the embedded default | failed: ${publish.message.split('\n')[0]} | **missed** |`
  } else {
    const worst = Math.max(...publish.samples.map((p) => p.seconds))
    publishRow = `| Publish → live page under 60 s on the embedded default | ${publish.samples.map((p) => s(p.seconds)).join(', ')} (worst ${s(worst)}) | ${verdict(worst < publishLatencyTarget)} |`
    publishText = `

**Publish → live page**: the README's main command (\`pnpm start\`: built CMS, SQLite, the CMS's job queue rebuilding
the site, the site served on \`SITE_PORT\`) with its default timings (debounce ${3} s, site build cron every 5 s), on a copy
of this benchmark's database, so each rebuild is a warm rebuild of the whole site with editions. Its first build, at
start, from empty caches: ${s(publish.firstBuildSeconds)}. Then, ${publish.samples.length} times one after another, an admin publishes a new
notice over REST and the served site is polled every 250 ms until the notice's page answers 200: ${publish.samples.map((p) => s(p.seconds)).join(', ')}.
The time is the debounce, the build, and the switch of \`site/live\` (the build starts when its debounce ends, not at a
cron tick: docs/adr/0044).`
    const embargo = publish.embargo
    if (embargo instanceof Error) {
      publishRow += `\n| Embargo end → live page within ${embargoLiveTarget} s, e-mail after it | failed: ${embargo.message.split('\n')[0]} | **missed** |`
    } else if (embargo) {
      publishRow += `\n| Embargo end → live page within ${embargoLiveTarget} s, e-mail after it | page ${s(embargo.liveSeconds)}, e-mail in the outbox ${s(embargo.mailSeconds)} | ${verdict(embargo.liveSeconds <= embargoLiveTarget && embargo.mailSeconds >= embargo.liveSeconds - 0.2)} |`
      publishText += `

**Embargo end → live page → e-mail** (docs/adr/0044): on the same running command, an admin publishes a press release
embargoed ${embargo.leadSeconds} s ahead, for the topic of the one seeded subscriber, with the e-mail grace period set to 0
(it would only add its own length). From the instant, the served site is polled every 100 ms until the page answers
200 (${s(embargo.liveSeconds)}: the build scheduled at the instant, started by the CMS's own timer, not a cron tick), and
the outbox until the subscriber's e-mail is in it (${s(embargo.mailSeconds)}: it waits for that build to be live, then a
delivery run starts at once).`
    }
  }
  return `## Site (issue 3) and its editions (issue 5)

Data: the same database (${documentCount} publications + the founding statement, ${benchTopicCount + 1} topics, one press contact,
one press kit), read by the Astro build from the built CMS (its own server, \`node cms/src/server/main.ts\`) over its REST API as an anonymous client,
through a loopback proxy that counts the requests. Each build is \`astro build\` through Astro's API in a process of its
own, with throw-away output, file cache and Astro cache directories. Wall time is from spawning the build to its exit;
peak memory is the highest sum of the resident set sizes of the build process and all its children (Pagefind), sampled
from /proc every 100 ms (worker threads are inside the process). "Cold" is an empty content store and empty caches;
"warm" a rebuild with the store and caches of an earlier build and nothing changed, into a fresh output directory. The
site with editions is built cold once (it renders every PDF), first, which also warms the CMS up; every other build
${result.runs} times, the baseline and the site without editions in turn (cold, cold, …, then warm, warm, …), each into
fresh directories with nothing deleted until all are measured (on this machine, deleting thousands of files slows the
next build's writes). The tables show the fastest run, all runs, and the highest peak. The logs of the builds are kept
in \`${buildLogDir}\`.

**The baseline** ("a bare Astro build of the same pages") is a plain Astro 7 project kept in
\`scripts/src/bench/bareAstro/\` and copied with a content snapshot for each build, the way this site would be written
without this project's CMS loader, PDF editions and search, using the site's own \`astro\`, \`@astrojs/mdx\`,
\`@astrojs/rss\` and \`@astrojs/sitemap\`, and its kinds and languages from \`@pressroom/shared\`:

- content from a JSON snapshot of the same published documents (both languages, same body HTML rendered by
  \`@pressroom/shared/richtext\`), topics and press kits, through Astro's built-in \`file()\` loader with zod schemas;
  the site's two MDX about pages through \`glob()\`;
- one layout (title, description, canonical, hreflang alternates, feed links, Open Graph, navigation, language
  switch, footer, a small global stylesheet); a page per document and language; paginated lists (20 a page) per kind,
  per year and per topic; home pages with the latest of each kind; the index, contacts, search, subscribe, verify and
  404 pages with little content; RSS 2.0 per language, per kind and per topic with the full text through
  \`@astrojs/rss\`; a JSON Feed per language; empty checksum lists; \`robots.txt\`; \`@astrojs/mdx\` and
  \`@astrojs/sitemap\`;
- no CMS loader, no PDF editions or ZIPs, no media copied, no Pagefind, no JSON-LD;
- Astro's default settings, so it renders one page at a time. The site renders ${result.concurrency} at a time
  (\`build.concurrency\`, docs/adr/0021-site-build-critical-path.md); the baseline is also built that way, cold, for
  information (comparison iv), since any Astro project could use the setting.

URLs: ${sameUrls}. Besides them the site writes ${otherFiles}.

**The site without editions** is the site's own build with \`SITE_EDITIONS=off\` (used only by this benchmark): the same
pages, loader, media, vCards, sitemap and Pagefind index, but no PDF edition, no press-kit ZIP and empty checksum lists.

| Build | wall time (all runs) | peak RSS, process tree | Astro's "built in" | rendering the routes | CMS requests | Pagefind |
| --- | --- | --- | --- | --- | --- | --- |
${bareRow('Baseline: plain Astro 7, same URLs, cold', result.bare.cold)}
${bareRow('Baseline, warm (content store kept)', result.bare.warm)}
${bareRow(`Baseline with the site's build.concurrency (${result.concurrency}), cold, for information`, result.bare.coldConcurrent)}
${siteRow('Site without editions, cold', result.site.cold)}
${siteRow('Site without editions, warm', result.site.warm)}
${siteRow('Site with editions, cold (renders every PDF)', [fullCold])}
${siteRow('Site with editions, warm', result.full.warm)}

| Comparison | cold | warm |
| --- | --- | --- |
| (i) site without editions ÷ baseline (issue 3) | ${ratio(siteCold, bareCold)} | ${ratio(siteWarm, bareWarm)} |
| (ii) the editions' extra time (issue 5) | ${extra(fullCold, siteCold)} | ${extra(fullWarm, siteWarm)} |
| (iii) site with editions ÷ baseline | ${ratio(fullCold, bareCold)} | ${ratio(fullWarm, bareWarm)} |
| (iv) site without editions ÷ the baseline rendering ${result.concurrency} pages at a time, for information | ${ratio(siteCold, fastest(result.bare.coldConcurrent))} | – |
| peak RSS: baseline / site without / site with editions | ${gib(peak(result.bare.cold))} / ${gib(peak(result.site.cold))} / ${gib(fullCold.peakRssBytes)} GiB | ${gib(peak(result.bare.warm))} / ${gib(peak(result.site.warm))} / ${gib(peak(result.full.warm))} GiB |

Page weight: the document page's HTML and the stylesheets it links to, each gzipped at level 6 (Astro inlines the
site's small stylesheet into the page). A typical benchmark document and the founding statement (the longest real
text in the seed):

| Page | HTML | HTML gzip | CSS gzip | HTML + CSS gzip | scripts other than JSON-LD |
| --- | --- | --- | --- | --- | --- |
${result.pageWeights.map(weightRow).join('\n')}

| Target | Measured | Verdict |
| --- | --- | --- |
| Full build of ${documentCount} documents × 2 languages within ${buildRatioTarget} × a bare Astro build of the same pages (site without editions, cold) | ${ratio(siteCold, bareCold)} | ${verdict(coldRatio <= buildRatioTarget)} |
| The same, rebuild (warm), for information | ${ratio(siteWarm, bareWarm)} | ${verdict(warmRatio <= buildRatioTarget)} |
| The same with the PDF editions and ZIPs included (cold), for information | ${ratio(fullCold, bareCold)} | ${verdict(fullRatio <= buildRatioTarget)} |
| Full build under 2 GiB peak memory | highest of all site builds ${gib(sitePeak)} GiB | ${verdict(sitePeak < peakMemoryTarget)} |
| A rebuild with nothing changed fetches no document again | ${warmFetched} of ${fullWarm.published} fetched, ${fullWarm.requests} requests in ${s(fullWarm.cmsSeconds)} (cold: ${fullCold.requests} in ${s(fullCold.cmsSeconds)}) | ${verdict(warmFetched === 0)} |
| Document page ≤ 20 KB gzip, HTML + CSS | heaviest ${kb(heaviest.totalGzip)} | ${verdict(heaviest.totalGzip <= pageWeightTarget)} |
| No JavaScript needed to read a document | ${withScripts.length === 0 ? 'no script but JSON-LD' : `${withScripts.length} page(s) with other scripts`} | ${verdict(withScripts.length === 0)} |
${publishRow}${publishText}

For comparison with the issue's own reference ("a bare Astro 7 build of 4,005 pages took about 23 s and 0.9 GB here",
so 1.3 × ≈ 30 s): on this run the baseline of ${result.outputs.bare} URLs took ${s(bareCold.seconds)} (${gib(peak(result.bare.cold))} GiB), the site without editions ${s(siteCold.seconds)},
with editions ${s(fullCold.seconds)} (${gib(fullCold.peakRssBytes)} GiB).
`
}
