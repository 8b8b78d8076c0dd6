import { handleResendWebhook } from '../../../../../mail/index.ts'
import { route } from '../../../handlers.ts'

export const dynamic = 'force-dynamic'
export const POST = route(handleResendWebhook)
