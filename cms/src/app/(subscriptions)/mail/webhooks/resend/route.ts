import { handleResendWebhook } from '../../../../../mail/index.ts'
import { noticeDeliveryObserver } from '../../../../../notices/dispatch/syncNoticeDeliveries.ts'
import { route } from '../../../handlers.ts'

export const dynamic = 'force-dynamic'
// Events on notice e-mails are copied onto the dispatch log at once (docs/adr/0020).
export const POST = route((payload, request) => handleResendWebhook(payload, request, [noticeDeliveryObserver]))
