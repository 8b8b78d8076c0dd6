import type { CollectionConfig, Field } from 'payload'
import { isAdmin, isAdminField } from '../access/index.ts'
import { roles } from '../access/roles.ts'
import { adminOrSelf, adminOrSelfRead } from '../access/users.ts'
import { alertNewSignIn } from '../auth/newSignInAlert.ts'
import { throttlePasswordReset } from '../auth/passwordResetThrottle.ts'
import { forgetFailedSignIns, throttleSignIn } from '../auth/signInHooks.ts'
import { passwordResetEmail } from '../auth/staffEmails.ts'
import { withTwoFactor } from '../auth/totp/index.ts'
import { sessionCookieSecure } from '../http/cmsOrigin.ts'

const never = () => false
const unusedAccountLockFields: Field[] = [
  { name: 'loginAttempts', type: 'number', access: { create: never, update: never }, defaultValue: 0, hidden: true },
  { name: 'lockUntil', type: 'date', access: { create: never, update: never }, hidden: true },
  // Payload's own password-reset guard is off (src/auth/staffEmails.ts); its column stays, unused.
  { name: 'resetPasswordRequestedAt', type: 'date', access: { create: never, update: never }, hidden: true },
]

const roleLabels = {
  admin: { en: 'Administrator', ru: 'Администратор' },
  editor: { en: 'Editor (publishes)', ru: 'Редактор (публикует)' },
  translator: { en: 'Translator (drafts only)', ru: 'Переводчик (только черновики)' },
} as const

// Two-factor sign-in adds its fields, endpoints and sign-in hooks (docs/adr/0034).
export const Users: CollectionConfig = withTwoFactor({
  slug: 'users',
  labels: {
    singular: { en: 'Staff member', ru: 'Сотрудник' },
    plural: { en: 'Staff', ru: 'Сотрудники' },
  },
  // No account lock (anyone could lock staff out with wrong passwords): failed sign-ins are
  // throttled by address and account with growing waits instead (docs/adr/0027).
  // The session cookie is Secure when CMS_URL is HTTPS; staff e-mail is in their language (docs/adr/0033).
  auth: {
    maxLoginAttempts: 0,
    cookies: { secure: sessionCookieSecure(), sameSite: 'Lax' },
    forgotPassword: passwordResetEmail,
  },
  hooks: {
    beforeOperation: [throttleSignIn, throttlePasswordReset],
    afterLogin: [forgetFailedSignIns, alertNewSignIn],
  },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['name', 'email', 'role'],
    group: { en: 'Administration', ru: 'Администрирование' },
  },
  access: {
    read: adminOrSelfRead,
    create: isAdmin,
    update: adminOrSelf,
    delete: isAdmin,
    admin: ({ req }) => Boolean(req.user),
  },
  fields: [
    // Payload's own lock fields, which it leaves out once the lock is off. Kept, unused, so an
    // existing embedded database upgrades without a schema push that drops columns (which stops
    // at a data-loss prompt) and PostgreSQL keeps the same columns.
    ...unusedAccountLockFields,
    { name: 'name', type: 'text', label: { en: 'Name', ru: 'Имя' } },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'translator',
      saveToJWT: true,
      options: roles.map((value) => ({ value, label: roleLabels[value] })),
      access: { create: isAdminField, update: isAdminField },
      label: { en: 'Role', ru: 'Роль' },
    },
  ],
})
