import type { Payload } from 'payload'
import { sendAhead } from '../../../advance/sendAhead.ts'
import type { StaffUser } from '../../../testing/payload.ts'
import type { MarkerBook } from './markers.ts'

/** The vetted journalist the audit sends the embargoed release ahead to. */
export const auditJournalistEmail = 'vetted-journalist@news.example'

/**
 * A vetted journalist in a group, with private markers in what only staff may read (outlet, consent
 * note, group name and description; the name and address are in the e-mail they get), and an
 * advance send of the embargoed release to them (docs/adr/0043). Its e-mail joins the outbox the
 * audit searches: it must carry nothing of the release, only the link.
 */
export async function plantAdvanceSend(payload: Payload, book: MarkerBook, editor: StaffUser, embargoed: number) {
  const secret = (field: string, label: string) =>
    book.word('embargoed', field, `vetted journalist · ${label}`, { private: true })
  const group = await payload.create({
    collection: 'journalist-groups',
    data: { name: secret('jg', 'group name'), description: secret('jd', 'group description') },
  })
  await payload.create({
    collection: 'journalists',
    user: editor,
    data: {
      name: 'Vetted Journalist',
      outlet: secret('jo', 'outlet'),
      email: auditJournalistEmail,
      languages: ['en', 'ru'],
      groups: [group.id],
      consent: { at: '2026-01-10T10:00:00.000Z', how: secret('jc', 'consent note') },
    },
  })
  const sent = await sendAhead(payload, {
    id: embargoed,
    audience: { kind: 'all' },
    requireTerms: false,
    by: editor.id,
  })
  if (!sent?.recipients)
    throw new Error('The leak audit could not send the embargoed release ahead: is it still under embargo?')
}
