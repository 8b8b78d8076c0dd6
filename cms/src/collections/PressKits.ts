import { allKindsHeading, documentCollections, localeCodes } from '@pressroom/shared'
import type { CollectionConfig } from 'payload'
import { canSaveContent, isPublisher, isStaff, publishedOrStaff } from '../access/index.ts'
import { placeholderField } from '../fields/placeholder.ts'
import { slugField } from '../fields/slug.ts'
import { guardPublication } from '../hooks/guardPublication.ts'
import { hideUnreleasedPublications } from '../hooks/hideUnreleasedPublications.ts'
import { ignoreDraftsForPublic } from '../hooks/ignoreDraftsForPublic.ts'
import { previewButton } from '../preview/previewLinkEndpoint.ts'
import { bothLanguagesView } from '../translations/adminComponents.ts'

export const PressKits: CollectionConfig = {
  slug: 'press-kits',
  labels: { singular: { en: 'Press kit', ru: 'Пресс-кит' }, plural: { en: 'Press kits', ru: 'Пресс-киты' } },
  admin: {
    useAsTitle: 'title',
    group: { en: 'Press room', ru: 'Пресс-центр' },
    // The site's own page for the draft, in the language being edited (docs/adr/0037-previews.md).
    preview: previewButton('press-kits'),
    // Both languages side by side (src/translations/).
    components: { views: { edit: { bothLanguages: bothLanguagesView } } },
  },
  access: {
    read: publishedOrStaff,
    readVersions: isStaff,
    create: canSaveContent,
    update: canSaveContent,
    delete: isPublisher,
  },
  versions: { drafts: true, maxPerDoc: 20 },
  hooks: { beforeOperation: [guardPublication, ignoreDraftsForPublic] },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: { en: 'Title', ru: 'Название' } },
    { name: 'description', type: 'textarea', localized: true, label: { en: 'Description', ru: 'Описание' } },
    {
      name: 'publications',
      type: 'relationship',
      relationTo: [...documentCollections],
      hasMany: true,
      hooks: { afterRead: [hideUnreleasedPublications] },
      label: Object.fromEntries(localeCodes.map((locale) => [locale, allKindsHeading(locale)])),
      admin: {
        description: {
          en: 'Their PDF editions go into the kit. Drafts and embargoed releases are left out until the public can read them.',
          ru: 'Их PDF-версии входят в пресс-кит. Черновики и релизы под эмбарго не попадают в него, пока они не станут публичными.',
        },
      },
    },
    {
      name: 'media',
      type: 'relationship',
      relationTo: 'media',
      hasMany: true,
      label: { en: 'Images', ru: 'Изображения' },
    },
    {
      name: 'documents',
      type: 'relationship',
      relationTo: 'documents',
      hasMany: true,
      label: { en: 'Document files', ru: 'Файлы документов' },
    },
    {
      name: 'pressContacts',
      type: 'relationship',
      relationTo: 'press-contacts',
      hasMany: true,
      label: { en: 'Press contacts', ru: 'Контакты для прессы' },
    },
    slugField,
    placeholderField,
  ],
}
