import { handleConfirm } from '../../../../subscriptions/http.ts'
import { route } from '../../handlers.ts'

export const dynamic = 'force-dynamic'
export const GET = route(handleConfirm)
export const POST = route(handleConfirm)
