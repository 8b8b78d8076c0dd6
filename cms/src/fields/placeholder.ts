import type { Field } from 'payload'
import { staffOnlyField } from '../access/index.ts'

/** Marks a seeded example that staff must replace before the press room goes live; readers never see it. */
export const placeholderField: Field = {
  name: 'isPlaceholder',
  type: 'checkbox',
  defaultValue: false,
  label: { en: 'Placeholder (replace before going live)', ru: 'Заглушка (заменить перед запуском)' },
  access: { read: staffOnlyField },
  admin: { position: 'sidebar' },
}
