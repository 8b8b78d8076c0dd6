import config from '@payload-config'
import { getPayload } from 'payload'
import { advanceDownload } from '../../../../../advance/handlers.ts'

export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  return advanceDownload((await params).token, 'pdf', () => getPayload({ config }))
}
