import { type Locale, localeCodes } from '@pressroom/shared'
import type { APIRoute } from 'astro'
import { siteEditions } from '../../lib/downloads.ts'

/** SHA-256 of every PDF and ZIP of the language, in `sha256sum` format (see the verify page). */
export function getStaticPaths() {
  return localeCodes.map((locale) => ({ params: { locale } }))
}

export const GET: APIRoute = async ({ params }) => {
  const editions = await siteEditions()
  return new Response(await editions.checksums(params.locale as Locale), {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  })
}
