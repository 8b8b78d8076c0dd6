import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { relationId } from '@pressroom/shared'
import { createLocalReq, type Payload } from 'payload'
import { isPublicUpload, type UploadCollection, uploadOfFile, uploadUsers } from '../access/uploadVisibility.ts'
import { attachment } from '../http/attachment.ts'
import { previewSecurityHeaders } from '../http/pagePolicy.ts'
import { requirePayloadSecret } from '../secrets/payloadSecret.ts'
import { notFound } from './handlers.ts'
import type { PreviewSubject } from './subject.ts'
import { verifyPreviewToken } from './token.ts'

/** The uploads the draft a link names uses, in any language (its own fields, as uploadVisibility counts them). */
async function draftUses(payload: Payload, subject: PreviewSubject, upload: UploadCollection): Promise<Set<string>> {
  const fields = uploadUsers.find((user) => user.collection === subject.collection)?.fields[upload] ?? []
  const used = new Set<string>()
  const draft = (await payload.findByID({
    collection: subject.collection,
    id: subject.id,
    locale: 'all',
    depth: 0,
    draft: true,
    overrideAccess: true,
    disableErrors: true,
  })) as Record<string, unknown> | null
  const values = (value: unknown): unknown[] =>
    Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value).flatMap(values) : []
  for (const name of fields) for (const item of values(draft?.[name])) used.add(String(relationId(item)))
  return used
}

type StoredUpload = {
  filename?: string
  mimeType?: string
  sizes?: Record<string, { filename?: string | null; mimeType?: string | null }>
}

/**
 * GET /preview/<token>/media/<file> and /preview/<token>/files/<file>: a file of an upload the
 * previewed draft uses (an embargoed photo too), as Payload stored it (the stripped original or
 * one of its sizes), with the page's headers. Any other upload that is not public answers the
 * preview's one 404, so a preview link never opens another unreleased file.
 */
export async function previewFile(
  token: string,
  upload: UploadCollection,
  filename: string,
  getPayload: () => Promise<Payload>,
): Promise<Response> {
  const subject = verifyPreviewToken(requirePayloadSecret(), token)
  if (!subject || path.basename(filename) !== filename || filename.startsWith('.')) return notFound()
  const payload = await getPayload()
  const req = await createLocalReq({}, payload)
  const owner = await uploadOfFile(req, upload, filename)
  if (owner === undefined) return notFound()
  const allowed =
    (await draftUses(payload, subject, upload)).has(String(owner)) || (await isPublicUpload(req, upload, owner))
  if (!allowed) return notFound()
  const doc = (await payload.findByID({
    collection: upload,
    id: owner,
    depth: 0,
    overrideAccess: true,
  })) as StoredUpload
  const size = Object.values(doc.sizes ?? {}).find((s) => s?.filename === filename)
  const type = (doc.filename === filename ? doc.mimeType : size?.mimeType) || 'application/octet-stream'
  const staticDir = payload.collections[upload].config.upload.staticDir ?? ''
  let body: Buffer
  try {
    body = await readFile(path.join(staticDir, filename))
  } catch {
    return notFound()
  }
  const response =
    upload === 'documents' ? attachment(new Uint8Array(body), type, filename) : new Response(new Uint8Array(body))
  for (const [name, value] of Object.entries({
    ...previewSecurityHeaders(),
    'Content-Type': type,
    'X-Content-Type-Options': 'nosniff',
  })) {
    response.headers.set(name, value)
  }
  return response
}
