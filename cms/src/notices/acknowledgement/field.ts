import type { Field } from 'payload'
import { cmsPublicUrl } from '../../http/cmsOrigin.ts'
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
        // The CMS's public address, chosen as for subscription links (CMS_URL first), except that
        // this synchronous hook cannot read the site settings' fallback address.
        return acknowledgementUrl(cmsPublicUrl(req.payload), token)
      },
    ],
  },
}
