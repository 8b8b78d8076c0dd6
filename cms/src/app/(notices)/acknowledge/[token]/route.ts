import config from '@payload-config'
import { getPayload } from 'payload'
import { acknowledgementHandlers } from '../../../../notices/acknowledgement/handlers.ts'

export const dynamic = 'force-dynamic'

const handlers = acknowledgementHandlers(() => getPayload({ config }))

export const GET = handlers.GET
export const POST = handlers.POST
