import type { CollectionConfig } from 'payload'
import { isAdmin, isAdminField } from '../access/index.ts'
import { roles } from '../access/roles.ts'
import { adminOrSelf } from '../access/users.ts'
import { forgetFailedSignIns, throttleSignIn } from '../auth/signInHooks.ts'

const roleLabels = {
  admin: { en: 'Administrator', ru: 'Администратор' },
  editor: { en: 'Editor (publishes)', ru: 'Редактор (публикует)' },
  translator: { en: 'Translator (drafts only)', ru: 'Переводчик (только черновики)' },
} as const

export const Users: CollectionConfig = {
  slug: 'users',
  labels: {
    singular: { en: 'Staff member', ru: 'Сотрудник' },
    plural: { en: 'Staff', ru: 'Сотрудники' },
  },
  // No account lock (anyone could lock staff out with wrong passwords): failed sign-ins are
  // throttled by address and account with growing waits instead (docs/adr/0027).
  auth: { maxLoginAttempts: 0 },
  hooks: { beforeOperation: [throttleSignIn], afterLogin: [forgetFailedSignIns] },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['name', 'email', 'role'],
    group: { en: 'Administration', ru: 'Администрирование' },
  },
  access: {
    read: adminOrSelf,
    create: isAdmin,
    update: adminOrSelf,
    delete: isAdmin,
    admin: ({ req }) => Boolean(req.user),
  },
  fields: [
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
}
