import { siteEditions } from '../../../lib/downloads.ts'
import { fileResponse } from '../../../lib/files.ts'
import type { StaticRoute } from '../../../lib/paths.ts'
import { allShareCards, shareCards } from '../../../lib/shareCards.ts'

/** Each language's default share card, for every page that is not a document (/en/cards/site.png). */
export async function getStaticPaths() {
  return (await allShareCards()).flatMap(({ locale, kind, card }) =>
    kind ? [] : [{ params: { locale }, props: { card } }],
  )
}

export const GET: StaticRoute<typeof getStaticPaths> = async ({ props: { card } }) => {
  const file = await (await shareCards()).file(card)
  return fileResponse(await (await siteEditions()).cache.read(file.file), 'site.png')
}
