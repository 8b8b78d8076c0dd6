import { handlePreferences } from '../../../../subscriptions/http.ts'
import { route } from '../../handlers.ts'

export const dynamic = 'force-dynamic'
export const GET = route(handlePreferences)
export const POST = route(handlePreferences)
