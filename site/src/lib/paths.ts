/** Static paths shared by the pages: one per language, and the paginated lists. */
import { type Locale, listPageSegment, localeCodes } from '@pressroom/shared'
import type { APIRoute, InferGetStaticParamsType, InferGetStaticPropsType } from 'astro'
import { pageSize } from '../config.ts'
import { archiveDigest, withCacheKeys } from './cacheKeys.ts'
import { paginate } from './content.ts'

/** An endpoint that exists once in every language: `export const getStaticPaths = localePaths`. */
export function localePaths() {
  return localeCodes.map((locale) => ({ params: { locale } }))
}

/**
 * A page that exists once in every language: `export const getStaticPaths = localePages`. These pages
 * (home, indexes, contacts, policies) read what they show themselves, so their key names every
 * publication and press kit besides the site digest (src/lib/cacheKeys.ts): they re-render after any change.
 */
export function localePages() {
  return withCacheKeys(localePaths(), archiveDigest)
}

export function paginatedPaths<T, P extends Record<string, string>>(
  groups: (locale: Locale) => Promise<{ params: P; items: T[]; props?: Record<string, unknown> }[]>,
) {
  return async () => {
    const paths = []
    for (const locale of localeCodes) {
      for (const group of await groups(locale)) {
        const pages = paginate(group.items, pageSize)
        for (const [index, items] of pages.entries()) {
          paths.push({
            params: { locale, ...group.params, page: listPageSegment(index + 1) },
            props: { ...group.props, locale, items, page: index + 1, total: pages.length },
          })
        }
      }
    }
    // A list page shows its items (in props) and the layout: the site digest covers the rest.
    return withCacheKeys(paths)
  }
}

/** An endpoint whose params and props are typed by its own `getStaticPaths`. */
export type StaticRoute<GetStaticPaths> = APIRoute<
  InferGetStaticPropsType<GetStaticPaths>,
  InferGetStaticParamsType<GetStaticPaths>
>
