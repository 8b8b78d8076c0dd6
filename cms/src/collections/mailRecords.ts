import { isPublisher } from '../access/index.ts'

/**
 * What the delivery core's collections (cms/src/mail/, docs/adr/0010) have in common: their place
 * in the admin, and who may touch their rows.
 */
export const mailGroup = { en: 'E-mail', ru: 'Рассылка' }
export const nobody = () => false

/** Rows of the delivery core are written by the core itself (SQL and Local API), never through the API; only admins and editors read them (they hold addresses). */
export const readOnlyForStaff = { read: isPublisher, create: nobody, update: nobody, delete: nobody }
