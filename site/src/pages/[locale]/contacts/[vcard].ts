import { localeCodes } from '@pressroom/shared'
import { siteEditions } from '../../../lib/downloads.ts'
import type { StaticRoute } from '../../../lib/paths.ts'

/** A vCard (.vcf) per press contact and language: /en/contacts/press-office.vcf. */
export async function getStaticPaths() {
  const editions = await siteEditions()
  return localeCodes.flatMap((locale) =>
    [...editions.vcards(locale).values()].map((vcard) => ({
      params: { locale, vcard: vcard.filename },
      props: { vcard },
    })),
  )
}

export const GET: StaticRoute<typeof getStaticPaths> = ({ props: { vcard } }) =>
  new Response(vcard.text, { headers: { 'content-type': 'text/vcard; charset=utf-8' } })
