import { kindInfo } from '@pressroom/shared'
import { siteEditions } from '../../../../lib/downloads.ts'
import { fileResponse } from '../../../../lib/files.ts'
import type { StaticRoute } from '../../../../lib/paths.ts'
import { allShareCards, cardFileName, shareCards } from '../../../../lib/shareCards.ts'

/** Each publication's share card in each language it exists in (/en/cards/press-releases/<slug>.png). */
export async function getStaticPaths() {
  return (await allShareCards()).flatMap(({ locale, kind, card }) =>
    kind ? [{ params: { locale, kind: kindInfo(kind).path, card: cardFileName(card) }, props: { card } }] : [],
  )
}

export const GET: StaticRoute<typeof getStaticPaths> = async ({ props: { card } }) => {
  const file = await (await shareCards()).file(card)
  return fileResponse(await (await siteEditions()).cache.read(file.file), cardFileName(card))
}
