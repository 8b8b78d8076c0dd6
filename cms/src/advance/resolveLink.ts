import { type Locale, relationId } from '@pressroom/shared'
import type { Payload } from 'payload'
import { cachedMailSettings } from '../mail/index.ts'
import { requirePayloadSecret } from '../secrets/payloadSecret.ts'
import { type EmbargoedRelease, loadRelease } from './release.ts'
import { parseAdvanceToken, verifyAdvanceToken } from './token.ts'

type LinkDoc = { id: number; createdAt: string; revoked?: boolean | null; send: unknown; journalist: unknown }
type SendDoc = { id: number; revoked?: boolean | null; requireTerms?: boolean | null; release: unknown }

export type OpenLink = {
  linkId: number
  journalist: number
  locale: Locale
  requireTerms: boolean
  termsAccepted: boolean
}

/**
 * What a link leads to: its embargoed release (`page`), the release's public page once the
 * embargo has passed (`released`), or nothing. Nothing covers, alike, a malformed, forged or
 * expired token, one naming another row, a revoked link or send, and a release that was
 * unpublished or deleted: the caller answers all of them with the same 404.
 */
export async function resolveLink(
  payload: Payload,
  token: string,
): Promise<
  | { kind: 'page'; link: OpenLink; release: EmbargoedRelease }
  | { kind: 'released'; locale: Locale; slug: string }
  | { kind: 'none' }
> {
  const parsed = parseAdvanceToken(token)
  if (!parsed) return { kind: 'none' }
  const link = (await payload.findByID({
    collection: 'advance-links',
    id: parsed.id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })) as LinkDoc | null
  if (!link || !verifyAdvanceToken(requirePayloadSecret(), parsed, link) || link.revoked) return { kind: 'none' }
  const send = (await payload.findByID({
    collection: 'advance-sends',
    id: Number(relationId(link.send)),
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })) as SendDoc | null
  if (!send || send.revoked) return { kind: 'none' }
  const defaultZone = (await cachedMailSettings(payload)).timeZone
  const loaded = await loadRelease(payload, Number(relationId(send.release)), { defaultZone })
  if (loaded.state === 'released') return { kind: 'released', locale: parsed.locale, slug: loaded.slug }
  if (loaded.state === 'none') return { kind: 'none' }
  const journalist = Number(relationId(link.journalist))
  const person = (await payload.findByID({
    collection: 'journalists',
    id: journalist,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })) as { termsAcceptedAt?: string | null } | null
  if (!person) return { kind: 'none' }
  return {
    kind: 'page',
    release: loaded.release,
    link: {
      linkId: link.id,
      journalist,
      locale: parsed.locale,
      requireTerms: Boolean(send.requireTerms),
      termsAccepted: Boolean(person.termsAcceptedAt),
    },
  }
}
