import { describe, expect, it } from 'vitest'
import {
  aboutPath,
  archivePath,
  archiveYearPath,
  contactsPath,
  documentFilePath,
  documentPath,
  joinBase,
  jsonFeedPath,
  kindFeedPath,
  kindListPath,
  languageChooserPath,
  listPagePath,
  listPageSegment,
  localeHomePath,
  localeRefPath,
  mediaPath,
  notFoundPath,
  pathInLocale,
  pressKitPath,
  pressKitsPath,
  refPath,
  rssFeedPath,
  searchIndexPath,
  searchPath,
  sitemapIndexPath,
  subscribePath,
  topicFeedPath,
  topicPath,
  topicsPath,
  verifyPath,
} from '../index.ts'

describe('the site’s paths', () => {
  it('give each reference number a short link, language-neutral and per language (docs/adr/0047)', () => {
    expect(refPath('GC-PR-2026-004')).toBe('/ref/GC-PR-2026-004/')
    expect(localeRefPath('ru', 'GC-PR-2026-004')).toBe('/ru/ref/GC-PR-2026-004/')
    expect(pathInLocale(localeRefPath('en', 'GC-ST-2021-001'), 'ru')).toBe('/ru/ref/GC-ST-2021-001/')
    expect(refPath('A/B C')).toBe('/ref/A%2FB%20C/')
  })

  it('put each page in its language’s folder', () => {
    expect(languageChooserPath()).toBe('/')
    expect(localeHomePath('ru')).toBe('/ru/')
    expect(archivePath('en')).toBe('/en/archive/')
    expect(archiveYearPath('ru', '2024')).toBe('/ru/archive/2024/')
    expect(topicsPath('en')).toBe('/en/topics/')
    expect(pressKitsPath('ru')).toBe('/ru/press-kits/')
    expect(searchPath('en')).toBe('/en/search/')
    expect(subscribePath('ru')).toBe('/ru/subscribe/')
    expect(aboutPath('en')).toBe('/en/about/')
    expect(contactsPath('ru')).toBe('/ru/contacts/')
    expect(verifyPath('en')).toBe('/en/verify/')
    expect(notFoundPath('ru')).toBe('/ru/404/')
  })

  it('name a kind by its URL segment, not its code name', () => {
    expect(kindListPath('en', 'pressRelease')).toBe('/en/press-releases/')
    expect(kindFeedPath('ru', 'pressRelease')).toBe('/ru/press-releases/rss.xml')
    expect(documentPath('en', 'pressRelease', 'release-one')).toBe('/en/press-releases/release-one/')
  })

  it('give each language its feeds, and each topic its own', () => {
    expect(rssFeedPath('en')).toBe('/en/rss.xml')
    expect(jsonFeedPath('ru')).toBe('/ru/feed.json')
    expect(topicFeedPath('en', 'families')).toBe('/en/topics/families/rss.xml')
  })

  it('encode what comes from content: slugs, years and file names', () => {
    expect(topicPath('en', 'a b/c')).toBe('/en/topics/a%20b%2Fc/')
    expect(pressKitPath('ru', 'кит')).toBe('/ru/press-kits/%D0%BA%D0%B8%D1%82/')
    expect(documentPath('ru', 'statement', 'x?y')).toBe('/ru/statements/x%3Fy/')
    expect(archiveYearPath('en', '20#24')).toBe('/en/archive/20%2324/')
    expect(mediaPath('photo 1.jpg')).toBe('/media/photo%201.jpg')
    expect(documentFilePath('annex #2.pdf')).toBe('/files/annex%20%232.pdf')
  })

  it('number list pages after the first under the list’s own path', () => {
    expect(listPagePath('/en/statements/', 1)).toBe('/en/statements/')
    expect(listPagePath('/en/statements/', 2)).toBe('/en/statements/page/2/')
    expect(listPagePath(topicPath('ru', 'families'), 12)).toBe('/ru/topics/families/page/12/')
    expect(listPageSegment(1)).toBeUndefined()
    expect(listPageSegment(3)).toBe('page/3')
  })

  it('find the same page in the other language, and leave a path outside the language folders alone', () => {
    expect(pathInLocale('/en/archive/2024/page/2/', 'ru')).toBe('/ru/archive/2024/page/2/')
    expect(pathInLocale('/ru/', 'en')).toBe('/en/')
    expect(pathInLocale('/media/photo.jpg', 'ru')).toBe('/media/photo.jpg')
    expect(pathInLocale('/', 'ru')).toBe('/')
  })

  it('keep the build’s own files at the site’s root, under a mirror’s sub-path too', () => {
    expect(searchIndexPath()).toBe('/pagefind/')
    expect(sitemapIndexPath()).toBe('/sitemap-index.xml')
    expect(joinBase('/mirror/', rssFeedPath('ru'))).toBe('/mirror/ru/rss.xml')
  })
})
