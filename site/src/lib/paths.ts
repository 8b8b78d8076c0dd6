/** Static paths shared by the paginated list pages. */
import { type Locale, localeCodes } from '@pressroom/shared'
import { pageSize } from '../config.ts'
import { paginate } from './content.ts'

/** `[...page]` values: undefined for the first page, "page/n" for the others. */
export function pageParam(n: number): string | undefined {
  return n === 1 ? undefined : `page/${n}`
}

/** The path of page `n` of a list whose first page is at `first`. */
export function pagePath(first: string, n: number): string {
  return n === 1 ? first : `${first}${pageParam(n)}/`
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
            params: { locale, ...group.params, page: pageParam(index + 1) },
            props: { ...group.props, locale, items, page: index + 1, total: pages.length },
          })
        }
      }
    }
    return paths
  }
}
