import config from '@payload-config'
import { getPayload } from 'payload'
import { advancePage } from '../../../../advance/handlers.ts'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ token: string }> }

export async function GET(request: Request, { params }: Context) {
  return advancePage(request, (await params).token, () => getPayload({ config }))
}

export async function POST(request: Request, { params }: Context) {
  return advancePage(request, (await params).token, () => getPayload({ config }))
}
