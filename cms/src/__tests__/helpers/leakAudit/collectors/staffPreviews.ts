import { documentCollections, localeCodes } from '@pressroom/shared'
import type { Payload } from 'payload'
import type { AuditRecord } from '../records.ts'
import { anonymousRecord, inParallel } from './http.ts'

/**
 * The staff previews and test sends (docs/adr/0038) asked for anonymously, for every document
 * and dispatch staff can see, in every language: the draft's e-mail and PDF edition, a
 * dispatch's e-mail, and both test sends. Each must answer a refusal with nothing in it.
 */
export async function collectStaffPreviews(origin: string, payload: Payload): Promise<AuditRecord[]> {
  const gets: string[] = []
  const posts: [string, unknown][] = []
  for (const collection of documentCollections) {
    const found = await payload.find({ collection, depth: 0, pagination: false, draft: true, overrideAccess: true })
    for (const { id } of found.docs) {
      for (const locale of ['', ...localeCodes]) {
        const query = `collection=${collection}&id=${id}${locale ? `&locale=${locale}` : ''}`
        gets.push(`/api/staff-preview/publication-email?${query}`, `/api/staff-preview/publication-pdf?${query}`)
        for (const variant of ['bilingual', 'notice'])
          gets.push(`/api/staff-preview/publication-email?${query}&variant=${variant}`)
      }
      posts.push(['/api/test-send/publication', { collection, id }])
    }
  }
  const dispatches = await payload.find({ collection: 'dispatches', depth: 0, pagination: false, overrideAccess: true })
  for (const { id } of dispatches.docs) {
    for (const locale of ['', ...localeCodes]) gets.push(`/api/staff-preview/dispatch-email?id=${id}&locale=${locale}`)
    posts.push(['/api/test-send/dispatch', { id }])
  }
  return inParallel([
    ...gets.map((path) => async () => anonymousRecord(`preview GET ${path}`, await fetch(`${origin}${path}`))),
    ...posts.map(
      ([path, body]) =>
        async () =>
          anonymousRecord(
            `preview POST ${path} ${JSON.stringify(body)}`,
            await fetch(`${origin}${path}`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify(body),
            }),
          ),
    ),
  ])
}
