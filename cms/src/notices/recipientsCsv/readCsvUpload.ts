import { APIError, type PayloadRequest } from 'payload'
import { megabytes } from '../../hooks/limitUpload.ts'
import { readBoundedBody } from '../../http/boundedBody.ts'
import { adminT } from '../../i18n/admin/adminT.ts'

/** A CSV upload: the raw body (text/csv) or the `file` field of a multipart form. */
export async function readCsvUpload(req: PayloadRequest, maxBytes: number): Promise<string> {
  const say = adminT(req.i18n.t, 'recipientsCsv')
  const refused = (text: string, status = 400) => new APIError(text, status, undefined, true)
  // Multipart framing adds a little; the file itself is measured again below.
  const bytes = await readBoundedBody(req, maxBytes + 64 * 1024, 'file')
  const type = req.headers.get('content-type') ?? ''
  let data: Uint8Array = bytes
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(bytes as BodyInit, { headers: { 'content-type': type } }).formData().catch(() => {
      throw refused(say('notAForm'))
    })
    const file = form.get('file')
    if (!file || typeof file === 'string') {
      throw refused(say('noFile'))
    }
    data = new Uint8Array(await file.arrayBuffer())
  }
  if (data.byteLength > maxBytes) {
    throw refused(say('tooLarge', { limit: megabytes(req, maxBytes) }), 413)
  }
  if (data.byteLength === 0) {
    throw refused(say('empty'))
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data)
  } catch {
    throw refused(say('notUtf8'))
  }
}
