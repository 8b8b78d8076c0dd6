import type { LeakFixture } from './fixture.ts'
import type { ItemKey, Marker } from './markers.ts'
import type { Presence } from './report.ts'

/**
 * Where a public item's markers must be found: the proof that each collector really reads what
 * it claims to, so the audit cannot pass by finding nothing.
 */
export function finder(fixture: LeakFixture) {
  const { book } = fixture
  return (item: ItemKey, field: string, lang?: 'en' | 'ru'): Marker => {
    const id = `lk${book.codeOf(item)}${field}${lang ? lang[0] : 'x'}${book.nonce}`
    const marker = book.get(id)
    if (!marker) throw new Error(`The fixture made no marker ${id} (${item}, ${field}, ${lang ?? '-'})`)
    return marker
  }
}

const page = (lang: 'en' | 'ru', kindPath: string) => new RegExp(`^site ${lang}/${kindPath}/[^/]+/index\\.html$`)
const anyFile = (pattern: string) => new RegExp(`^site ${pattern}`)

/** A released publication (its item, its kind's path on the site): everywhere the public reads it. */
export function releasedPublication(fixture: LeakFixture, item: ItemKey, kindPath: string): Presence[] {
  const m = finder(fixture)
  const out: Presence[] = []
  for (const lang of ['en', 'ru'] as const) {
    out.push(
      { marker: m(item, 'ti', lang), where: page(lang, kindPath), what: `its page (${lang})` },
      { marker: m(item, 'bo', lang), where: page(lang, kindPath), what: `its body on its page (${lang})` },
      { marker: m(item, 'ma', lang), where: page(lang, kindPath), what: `its image's alt text on its page (${lang})` },
      { marker: m(item, 'ti', lang), where: anyFile(`${lang}/rss\\.xml$`), what: `the RSS feed (${lang})` },
      { marker: m(item, 'ti', lang), where: anyFile(`${lang}/feed\\.json$`), what: `the JSON Feed (${lang})` },
      { marker: m(item, 'bo', lang), where: /^site pagefind\/.*\(gunzipped\)$/, what: `the search index (${lang})` },
      {
        marker: m(item, 'ti', lang),
        where: anyFile(`${lang}/[^/]+-${lang}\\.pdf$`),
        what: `its PDF edition (${lang})`,
      },
      {
        marker: m(item, 'ti', lang),
        where: anyFile(`${lang}/cards/${kindPath}/[^/]+\\.png$`),
        what: `its share card (${lang}, the PNG's text chunks)`,
      },
      {
        marker: m(item, 'ma', lang),
        where: anyFile(`${lang}/media-library/index\\.html$`),
        what: `its image in the media library (${lang})`,
      },
      {
        marker: m(item, 'ti', lang),
        where: new RegExp(`^REST GET /api/${kindPath}`),
        what: `anonymous REST (${lang})`,
      },
      { marker: m(item, 'ti', lang), where: /^GraphQL /, what: `anonymous GraphQL (${lang})` },
    )
  }
  out.push(
    { marker: m(item, 'sl'), where: /^site sitemap[^/]*\.xml$/, what: 'the sitemap' },
    { marker: m(item, 'sl'), where: /^site ref\/[^/]+\/index\.html$/, what: 'its short link (docs/adr/0047)' },
    { marker: m(item, 'sl'), where: /^site ru\/ref\/[^/]+\/index\.html$/, what: 'its short link in Russian' },
    { marker: m(item, 'mf'), where: /^site media\//, what: 'its image copied to the site' },
    { marker: m(item, 'mf'), where: /^file GET \/api\/media\/file\//, what: 'its image at its file URL' },
    { marker: m(item, 'fx'), where: /^site files\//, what: 'its document file copied to the site' },
    { marker: m(item, 'fx'), where: /^file GET \/api\/documents\/file\//, what: 'its document file at its file URL' },
    { marker: m(item, 'ma', 'en'), where: /^REST GET \/api\/media/, what: "its image's alt text in anonymous REST" },
  )
  return out
}

/** Before the embargo: the public release, notice, kit, contact and topic, in each kind of output. */
export function publicPresences(fixture: LeakFixture): Presence[] {
  const m = finder(fixture)
  return [
    ...releasedPublication(fixture, 'publicRelease', 'press-releases'),
    { marker: m('publicNotice', 'ti', 'ru'), where: page('ru', 'notices'), what: 'the public notice page (ru)' },
    { marker: m('publicKit', 'ti', 'en'), where: page('en', 'press-kits'), what: 'the press kit page (en)' },
    { marker: m('publicKit', 'ti', 'en'), where: /^site en\/[^/]+-en\.zip/, what: "the press kit's ZIP (en)" },
    { marker: m('publicRelease', 'ti', 'en'), where: /\.zip › .*\.pdf$/, what: "a PDF edition inside the kit's ZIP" },
    { marker: m('publicKit', 'mf'), where: /\.zip › /, what: "the kit's image inside its ZIP" },
    { marker: m('contact', 'nm', 'en'), where: /^site .*\.vcf$/, what: "the press contact's vCard" },
    { marker: m('topic', 'ti', 'ru'), where: /^site ru\/topics\//, what: 'the topic page (ru)' },
    {
      marker: m('publicRelease', 'ti', 'en'),
      where: /^e-mail .* to journalist@example\.org/,
      what: "the release's e-mail to a subscriber",
    },
    {
      marker: m('publicRelease', 'ti', 'ru'),
      where: /^e-mail .* to digest-journalist@example\.org/,
      what: 'a daily digest listing the release (ru)',
    },
    {
      marker: m('publicRelease', 'ti', 'ru'),
      where: /^e-mail .* to russian-only-journalist@example\.org/,
      what: "the release's Russian e-mail to a subscriber of Russian only",
    },
    {
      marker: m('publicNotice', 'ti', 'ru'),
      where: /^e-mail .* to consular@example\.org/,
      what: "the notice's e-mail to an institution",
    },
    {
      marker: m('publicNotice', 'ti', 'ru'),
      where: /^e-mail .* to consular@example\.org.* › .*\.pdf$/,
      what: "the notice's PDF attached to it",
    },
    { marker: m('publicNotice', 'ti', 'ru'), where: /^page GET \/acknowledge\//, what: 'the acknowledgement page' },
    { marker: m('topic', 'ti', 'ru'), where: /^page GET \/subscriptions\/confirm/, what: 'the confirmation page (ru)' },
    {
      marker: m('topic', 'ti', 'en'),
      where: /^page GET \/subscriptions\/preferences/,
      what: 'the preferences page (en)',
    },
    {
      marker: m('publicKit', 'ti', 'en'),
      where: /^REST GET \/api\/press-kits/,
      what: 'the press kit in anonymous REST',
    },
    { marker: m('publicKit', 'ti', 'en'), where: /^GraphQL /, what: 'the press kit in anonymous GraphQL' },
  ]
}

/** After the embargo: the released release everywhere, its e-mail, and its PDF inside the published kit. */
export function releasedPresences(fixture: LeakFixture): Presence[] {
  const m = finder(fixture)
  return [
    ...releasedPublication(fixture, 'embargoed', 'press-releases'),
    {
      marker: m('embargoed', 'ti', 'en'),
      where: /^e-mail .* to journalist@example\.org/,
      what: 'its e-mail to a subscriber (en)',
    },
    {
      marker: m('embargoed', 'ti', 'ru'),
      where: /^e-mail .* to journalist@example\.org/,
      what: 'its e-mail to a subscriber (ru)',
    },
    {
      marker: m('embargoed', 'ti', 'en'),
      where: /^site en\/[^/]+-en\.zip › .*\.pdf$/,
      what: "its PDF edition inside the kit's ZIP",
    },
    {
      marker: m('englishOnly', 'ti', 'en'),
      where: /^e-mail .* to russian-only-journalist@example\.org/,
      what: 'the notice in Russian of the English-only release, with its title (docs/adr/0045)',
    },
    {
      marker: m('englishOnly', 'ti', 'en'),
      where: /^e-mail .* to weekly-journalist@example\.org/,
      what: 'the weekly digest listing the English-only release (docs/adr/0046)',
    },
    {
      marker: m('englishOnly', 'bo', 'en'),
      where: /^site en\/press-releases\/[^/]+\/index\.html$/,
      what: "the English-only release's page",
    },
  ]
}
