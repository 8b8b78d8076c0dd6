import { APIError, type PayloadRequest } from 'payload'
import { readBoundedBody } from '../../http/boundedBody.ts'

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

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
