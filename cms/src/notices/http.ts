import { APIError, type PayloadRequest } from 'payload'
import { hasRole } from '../access/roles.ts'
import { readBodyUpTo } from '../http/boundedBody.ts'

/** Admins and editors only: the directory and the dispatch log are not for translators or the public. */
export function requirePublisher(req: PayloadRequest): NonNullable<PayloadRequest['user']> {
  if (!req.user) throw new APIError('Log in as an admin or editor to use this.', 401, undefined, true)
  if (!hasRole(req.user, 'admin', 'editor')) {
    throw new APIError(
      'Only admins and editors may use the recipients directory and dispatch log.',
      403,
      undefined,
      true,
    )
  }
  return req.user
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/**
 * Reads a request body up to `maxBytes` and refuses more with 413, without buffering the rest.
 */
export async function readBoundedBody(req: PayloadRequest, maxBytes: number, what: string): Promise<Uint8Array> {
  // Payload's request carries the web Request's headers and body stream.
  const bytes = await readBodyUpTo(req as { headers: Headers; body?: ReadableStream<Uint8Array> | null }, maxBytes)
  if (bytes) return bytes
  throw new APIError(
    `The ${what} is larger than ${megabytes(maxBytes)}, the most one upload takes. Split it into smaller files.`,
    413,
    undefined,
    true,
  )
}

/** A CSV upload: the raw body (text/csv) or the `file` field of a multipart form. */
export async function readCsvUpload(req: PayloadRequest, maxBytes: number): Promise<string> {
  // Multipart framing adds a little; the file itself is measured again below.
  const bytes = await readBoundedBody(req, maxBytes + 64 * 1024, 'file')
  const type = req.headers.get('content-type') ?? ''
  let data: Uint8Array = bytes
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(bytes as BodyInit, { headers: { 'content-type': type } }).formData().catch(() => {
      throw new APIError(
        'The upload is not a readable form. Send the CSV file in the field "file".',
        400,
        undefined,
        true,
      )
    })
    const file = form.get('file')
    if (!file || typeof file === 'string') {
      throw new APIError('No file was sent. Choose a CSV file and send it in the field "file".', 400, undefined, true)
    }
    data = new Uint8Array(await file.arrayBuffer())
  }
  if (data.byteLength > maxBytes) {
    throw new APIError(
      `The file is larger than ${megabytes(maxBytes)}, the most one import takes. Split it into smaller files.`,
      413,
      undefined,
      true,
    )
  }
  if (data.byteLength === 0) {
    throw new APIError('The file is empty. Export the recipients first to get a template.', 400, undefined, true)
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data)
  } catch {
    throw new APIError(
      'The file is not UTF-8 text. Save it from the spreadsheet as "CSV UTF-8" and try again.',
      400,
      undefined,
      true,
    )
  }
}

export function attachment(body: BodyInit, type: string, filename: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  })
}

export const today = () => new Date().toISOString().slice(0, 10)
