import type { PayloadRequest } from 'payload'
import { adminT } from '../../i18n/admin/adminT.ts'
import type { AdminWords } from '../../i18n/admin/en.ts'

/** What staff read about two-factor sign-in (the `twoFactorServer` words); each says what to do. */
export type TwoFactorMessage = keyof AdminWords['twoFactorServer']

export function twoFactorMessage(req: PayloadRequest, key: TwoFactorMessage): string {
  return adminT(req.i18n.t, 'twoFactorServer')(key)
}
