import config from '@payload-config'
import { getPayload } from 'payload'
import { previewPage } from '../../../../preview/handlers.ts'

export const dynamic = 'force-dynamic'

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  return previewPage(request, (await params).token, () => getPayload({ config }))
}
