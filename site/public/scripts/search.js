// Search's start-up, a file rather than inline so the site's CSP allows no inline script
// (site/src/lib/securityHeaders.ts). Loaded after Pagefind's own pagefind-ui.js.
{
  const element = document.getElementById('search')
  // Pagefind picks the index of the page's language (<html lang>) by itself, and its own texts in
  // that language. Filter and result-label names are the keys of that index, written in the
  // page's language by the document pages (site/src/i18n/ui.ts, searchFilters).
  // baseUrl: result links carry the site's sub-path on a mirror.
  new PagefindUI({
    element,
    bundlePath: element.dataset.bundle,
    baseUrl: element.dataset.base,
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    // The count lines in the page's language (site/src/i18n/ui.ts, searchCounts).
    translations: JSON.parse(element.dataset.counts),
  })
  const input = element.querySelector('input')
  // Pagefind's field has only a placeholder and a title: give it a real accessible name.
  if (input) input.setAttribute('aria-label', element.dataset.label)
  const query = new URLSearchParams(location.search).get('q')
  if (query && input) {
    input.value = query
    input.dispatchEvent(new Event('input'))
  }
}
