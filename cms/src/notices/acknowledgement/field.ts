import type { Field } from 'payload'
import { cmsPublicUrl } from '../../subscriptions/settings.ts'
import { acknowledgementUrl, signAcknowledgementToken } from './token.ts'

/**
 * The recipient's signed acknowledgement link, computed on read (never stored). Staff print it
 * on letters sent by post; phase 2 puts it into the e-mail.
 */
export const acknowledgementLinkField: Field = {
  name: 'acknowledgementLink',
  type: 'text',
  virtual: true,
  label: { en: 'Acknowledgement link', ru: 'Ссылка для подтверждения получения' },
  admin: { readOnly: true },
  hooks: {
    afterRead: [
      ({ data, req }) => {
        if (!data?.id || !data.createdAt) return undefined
        const token = signAcknowledgementToken(req.payload.config.secret, { id: data.id, createdAt: data.createdAt })
        // The same public address as the subscription links in e-mails.
        return acknowledgementUrl(cmsPublicUrl(req.payload), token)
      },
    ],
  },
}
