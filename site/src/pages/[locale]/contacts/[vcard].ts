import { type Locale, localeCodes } from '@pressroom/shared'
import type { APIRoute } from 'astro'
import { siteEditions } from '../../../lib/downloads.ts'
import type { Vcard } from '../../../lib/editions.ts'

/** A vCard (.vcf) per press contact and language: /en/contacts/press-office.vcf. */
export async function getStaticPaths() {
  const editions = await siteEditions()
  return localeCodes.flatMap((locale) =>
    [...editions.vcards(locale as Locale).values()].map((vcard) => ({
      params: { locale, vcard: vcard.filename },
      props: { vcard },
    })),
  )
}

export const GET: APIRoute = ({ props }) => {
  const { vcard } = props as { vcard: Vcard }
  return new Response(vcard.text, { headers: { 'content-type': 'text/vcard; charset=utf-8' } })
}
