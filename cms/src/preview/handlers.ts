import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'
import { previewSecurityHeaders } from '../http/pagePolicy.ts'
import { requirePayloadSecret } from '../secrets/payloadSecret.ts'
import { loadPreviewInput } from './loadPreviewInput.ts'
import { previewLinkSettings } from './previewLinks.ts'
import { previewBuildDir, renderPreview } from './renderPreview.ts'
import { verifyPreviewToken } from './token.ts'

/**
 * One answer for every link that shows nothing: malformed, tampered, expired, or naming a
 * document that does not exist. Nobody can tell them apart, so ids cannot be probed.
 */
export function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { ...previewSecurityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  })
}

/** GET /preview/<token>: the draft's page, when the token is genuine and unexpired. */
export async function previewPage(request: Request, token: string, getPayload: () => Promise<Payload>) {
  const secret = requirePayloadSecret()
  const subject = verifyPreviewToken(secret, token)
  if (!subject) return notFound()
  const payload = await getPayload()
  const input = await loadPreviewInput(payload, subject, previewLinkSettings(secret, token, subject))
  if (!input) return notFound()
  const rendered = await renderPreview(input, new URL(request.url).origin)
  if (!rendered.ok) return notFound()
  return new Response(await rendered.text(), {
    status: 200,
    headers: { ...previewSecurityHeaders(), 'Content-Type': 'text/html; charset=utf-8' },
  })
}

const assetName = /^[\w.-]+\.(css|woff2?|ttf|svg|png|jpg|webp)$/
const assetTypes: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  woff2: 'font/woff2',
  woff: 'font/woff',
  ttf: 'font/ttf',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
}

/**
 * GET /preview/assets/<file>: the site's stylesheet and fonts, as built for the preview. Public
 * anyway (the site serves the same files), named by their content hash, so cached for good.
 */
export async function previewAsset(file: string): Promise<Response> {
  const match = assetName.exec(file)
  if (!match?.[1]) return notFound()
  try {
    const body = await readFile(path.join(previewBuildDir(), 'client/assets', file))
    return new Response(new Uint8Array(body), {
      headers: {
        'Content-Type': assetTypes[match[1]] ?? 'application/octet-stream',
        'Cache-Control': 'public, max-age=31536000, immutable',
        'X-Content-Type-Options': 'nosniff',
      },
    })
  } catch {
    return notFound()
  }
}
