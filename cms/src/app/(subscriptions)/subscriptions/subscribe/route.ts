import { handlePreflight, handleSubscribe } from '../../../../subscriptions/http.ts'
import { route } from '../../handlers.ts'

export const dynamic = 'force-dynamic'
export const POST = route(handleSubscribe)
export const OPTIONS = route(handlePreflight)
