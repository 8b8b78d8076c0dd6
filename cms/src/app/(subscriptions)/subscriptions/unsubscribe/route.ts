import { handleUnsubscribe } from '../../../../subscriptions/http.ts'
import { route } from '../../handlers.ts'

export const dynamic = 'force-dynamic'
export const GET = route(handleUnsubscribe)
export const POST = route(handleUnsubscribe)
