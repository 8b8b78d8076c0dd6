import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'
import { hasRole } from '../access/roles.ts'
import { staffError } from '../i18n/admin/staffError.ts'
import { rememberPreparedOriginal } from './storePreparedOriginal.ts'
import { stripImageMetadata } from './stripImageMetadata.ts'

type Operand = {
  id?: number | string
  data?: { keepMetadata?: unknown }
  duplicateFromID?: number | string
}
type Choice = { overrideAccess?: boolean; req: PayloadRequest; staticDir: string }

/**
 * Replaces the uploaded bytes (req.file, which Payload reads after this hook to store the
 * original, measure it and make every size) by a copy without location, camera and owner data,
 * on create and on a replacement upload. The upload stays as it came only when an editor or
 * admin keeps this image's metadata (`keepMetadata`). Unticking `keepMetadata` cleans the stored
 * original on that same save. Runs after checkImageDimensions, so sharp only sees images that
 * passed the pixel limit. ADR 0023.
 */
export const stripUploadedPhoto: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  overrideAccess,
  req,
}) => {
  if (operation !== 'create' && operation !== 'update') return args
  const operand = args as Operand
  const choice: Choice = { overrideAccess, req, staticDir: collection.upload.staticDir ?? '' }
  if (operand.duplicateFromID !== undefined) await refuseDuplicateOfKeptMetadata(operand.duplicateFromID, choice)

  let result = args
  if (!req.file?.data) {
    const stored = await originalToCleanNow(operand, choice)
    if (!stored) return args
    // Stored again under its own name: Payload replaces the original and remakes its sizes.
    req.file = stored
    result = { ...args, overwriteExistingFiles: true } as typeof args
  }
  const file = req.file as NonNullable<PayloadRequest['file']>
  const keep = await keepsMetadata(operand, choice)
  if (keep) {
    const who = req.user && 'email' in req.user ? req.user.email : 'a script'
    req.payload.logger.warn(
      `"${file.name}" is stored with its location and camera data, as ${who} chose (keepMetadata)`,
    )
  }
  const data = keep ? file.data : await cleanCopy(file)
  req.file = { ...file, data, size: data.length }
  rememberPreparedOriginal(req, data)
  return result
}

const mayChoose = ({ overrideAccess, req }: Choice) => overrideAccess === true || hasRole(req.user, 'admin', 'editor')

async function storedMedia(id: number | string, { req }: Choice) {
  const doc = await req.payload.db.findOne<{
    id: number | string
    filename?: string
    mimeType?: string
    keepMetadata?: boolean
  }>({
    collection: 'media',
    where: { id: { equals: id } },
    req,
  })
  return doc ?? undefined
}

/** Kept only by someone who may choose, when this save ticks the box or the image has it ticked. */
async function keepsMetadata(operand: Operand, choice: Choice): Promise<boolean> {
  if (!mayChoose(choice)) return false
  const asked = operand.data?.keepMetadata
  if (typeof asked === 'boolean') return asked
  // A create, or a bulk update (no id): nothing was chosen, so nothing is kept.
  if (operand.id === undefined) return false
  return (await storedMedia(operand.id, choice))?.keepMetadata === true
}

/** The stored original when this save unticks `keepMetadata` on an image that had it ticked. */
async function originalToCleanNow(operand: Operand, choice: Choice): Promise<PayloadRequest['file']> {
  if (operand.data?.keepMetadata !== false || !mayChoose(choice)) return undefined
  if (operand.id === undefined) {
    throw staffError('uploads', 'metadataOneAtATime', undefined, 400)
  }
  const stored = await storedMedia(operand.id, choice)
  if (!stored?.keepMetadata || !stored.filename) return undefined
  const data = await readFile(path.join(choice.staticDir, stored.filename)).catch(() => undefined)
  if (!data) return undefined
  return { data, name: stored.filename, mimetype: stored.mimeType ?? 'application/octet-stream', size: data.length }
}

/** Payload copies a duplicate's file from disk, past this hook: a kept original would be copied with its metadata. */
async function refuseDuplicateOfKeptMetadata(id: number | string, choice: Choice): Promise<void> {
  if ((await storedMedia(id, choice))?.keepMetadata) {
    throw staffError('uploads', 'metadataNoDuplicate', undefined, 400)
  }
}

async function cleanCopy(file: NonNullable<PayloadRequest['file']>): Promise<Buffer> {
  try {
    return await stripImageMetadata(file.data)
  } catch (error) {
    throw staffError('uploads', 'metadataNotRemoved', { name: file.name, error: (error as Error).message }, 400)
  }
}
