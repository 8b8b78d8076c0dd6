// A short link's language-neutral page (site/src/components/RefPage.astro, docs/adr/0047): open the
// document in the first of the reader's languages it has, else in the first language listed. A file,
// not an inline script: the site's Content-Security-Policy runs no inline script.
;(() => {
  const links = [...document.querySelectorAll('a[data-ref-locale]')]
  if (links.length === 0) return
  const wanted = (navigator.languages?.length ? navigator.languages : [navigator.language || '']).map(
    (tag) => String(tag).toLowerCase().split('-')[0],
  )
  const chosen = wanted.map((code) => links.find((a) => a.dataset.refLocale === code)).find(Boolean) ?? links[0]
  location.replace(chosen.href)
})()
