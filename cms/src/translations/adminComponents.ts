import type { DocumentViewConfig } from 'payload'
import { adminT } from '../i18n/admin/adminT.ts'

/**
 * How collections plug in the translation views (paths in Payload's import map, relative to src/).
 * The list filter's links sit above the table; the list applies them through `translationListFilter`.
 */
export const translationStateFilterComponent = '/components/TranslationStateFilter.tsx#TranslationStateFilter'

/** The "Both languages" tab of a document: every language next to each other, read-only. */
export const bothLanguagesView: DocumentViewConfig = {
  Component: '/components/BothLanguagesView.tsx#BothLanguagesView',
  path: '/both-languages',
  tab: {
    href: '/both-languages',
    label: ({ t }) => adminT(t, 'sideBySide')('tab'),
    order: 150,
  },
}
