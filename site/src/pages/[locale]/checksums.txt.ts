import { siteEditions } from '../../lib/downloads.ts'
import { localePaths, type StaticRoute } from '../../lib/paths.ts'

/** SHA-256 of every PDF and ZIP of the language, in `sha256sum` format (see the verify page). */
export const getStaticPaths = localePaths

export const GET: StaticRoute<typeof getStaticPaths> = async ({ params: { locale } }) => {
  const editions = await siteEditions()
  return new Response(await editions.checksums(locale), {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  })
}
