import type { httpClient } from './http.ts'

type Http = ReturnType<typeof httpClient>

/** Plans a dispatch as the admin does: reads the counts, then plans with their confirmation (docs/adr/0039). */
export async function planConfirmed(http: Http, dispatchId: number | string, token: string) {
  const counts = await http.get(`/dispatches/${dispatchId}/recipient-counts`, { token })
  if (counts.status !== 200) throw new Error(`Counting failed: ${counts.status} ${counts.text}`)
  return http.post(`/dispatches/${dispatchId}/plan`, { confirmation: counts.json.confirmation }, { token })
}

/** E-mails a publication as the admin's button does: reads the counts, then sends with their confirmation. */
export async function sendConfirmed(
  http: Http,
  body: { collection: string; id: number; correction?: boolean },
  token: string,
) {
  const query = `collection=${body.collection}&id=${body.id}${body.correction ? '&correction=1' : ''}`
  const counts = await http.get(`/mail/publication-recipients?${query}`, { token })
  if (counts.status !== 200) throw new Error(`Counting failed: ${counts.status} ${counts.text}`)
  return http.post('/mail/send-publication', { ...body, confirmation: counts.json.confirmation }, { token })
}
