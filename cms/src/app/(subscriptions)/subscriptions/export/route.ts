import { handleExport } from '../../../../subscriptions/http.ts'
import { route } from '../../handlers.ts'

export const dynamic = 'force-dynamic'
export const POST = route(handleExport)
