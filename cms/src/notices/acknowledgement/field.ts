import type { Field } from 'payload'
import { acknowledgementUrl, signAcknowledgementToken } from './token.ts'

export function cmsBaseUrl(serverURL: string | undefined): string {
  return serverURL || process.env.CMS_URL || 'http://localhost:3000'
}

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
        return acknowledgementUrl(cmsBaseUrl(req.payload.config.serverURL), token)
      },
    ],
  },
}
