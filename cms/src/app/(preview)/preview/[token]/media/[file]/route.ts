import config from '@payload-config'
import { getPayload } from 'payload'
import { previewFile } from '../../../../../../preview/previewFile.ts'

export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: { params: Promise<{ token: string; file: string }> }) {
  const { token, file } = await params
  return previewFile(token, 'media', file, () => getPayload({ config }))
}
