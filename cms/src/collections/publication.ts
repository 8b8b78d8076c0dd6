import { type DocumentKind, kindInfo, kindLabels } from '@pressroom/shared'
import type { Access, CollectionConfig, Field, PayloadRequest } from 'payload'
import { canSaveContent, isPublisher, isStaff, publishedOrStaff, staffOnlyField } from '../access/index.ts'
import { bodyUploadFields } from '../fields/bodyUploads.ts'
import { changeNotesField } from '../fields/changeNotes.ts'
import { instantHooks } from '../fields/instant.ts'
import { instantZone } from '../fields/instantZone.ts'
import { slugField } from '../fields/slug.ts'
import { translationStateField } from '../fields/translation.ts'
import { assignReferenceNumber, recordIssuedReferenceNumber } from '../hooks/assignReferenceNumber.ts'
import { guardPublication } from '../hooks/guardPublication.ts'
import { ignoreDraftsForPublic } from '../hooks/ignoreDraftsForPublic.ts'
import { recordTextUpdate } from '../hooks/recordTextUpdate.ts'
import { adminT } from '../i18n/admin/adminT.ts'
import { previewButton } from '../preview/previewLinkEndpoint.ts'
import { queuePublicationSend } from '../subscriptions/publication/publicationJobs.ts'
import { bothLanguagesView, translationStateFilterComponent } from '../translations/adminComponents.ts'
import { translationListFilter } from '../translations/stateFilter.ts'

type Label = { en: string; ru: string }

type PublicationOptions = {
  kind: DocumentKind
  /** Fields only this kind has, shown on their own tab. */
  kindTab?: { label: Label; fields: Field[] }
  /** Sidebar fields only this kind has. */
  sidebarFields?: Field[]
  /** Who may read; publishedOrStaff unless the kind needs more (press releases: embargo). */
  read?: Access
}

/**
 * What statements, notices and press releases share; each kind adds its own fields. Its slug and
 * its name in the admin come from the kind (shared/src/kinds.ts).
 */
export function publicationCollection(options: PublicationOptions): CollectionConfig {
  const { collection } = kindInfo(options.kind)
  return {
    slug: collection,
    labels: { singular: kindLabels(options.kind, 'singular'), plural: kindLabels(options.kind, 'plural') },
    admin: {
      useAsTitle: 'title',
      defaultColumns: ['title', 'referenceNumber', 'date', '_status', 'translationState', 'updatedAt'],
      listSearchableFields: ['title', 'referenceNumber', 'slug'],
      group: { en: 'Publications', ru: 'Публикации' },
      // The site's own page for the draft, in the language being edited (docs/adr/0037-previews.md).
      preview: previewButton(kindInfo(options.kind).collection),
      // Translation state per language above the list, both languages side by side (src/translations/).
      baseFilter: translationListFilter,
      components: {
        beforeListTable: [translationStateFilterComponent],
        views: { edit: { bothLanguages: bothLanguagesView } },
        // Publishing a press release e-mails its subscribers: staff see how many and confirm (docs/adr/0039).
        ...(options.kind === 'pressRelease'
          ? { edit: { PublishButton: '/components/ConfirmingPublishButton.tsx#ConfirmingPublishButton' } }
          : {}),
      },
    },
    access: {
      read: options.read ?? publishedOrStaff,
      readVersions: isStaff,
      create: canSaveContent,
      update: canSaveContent,
      delete: isPublisher,
    },
    versions: {
      drafts: { schedulePublish: { timeFormat: 'HH:mm' } },
      maxPerDoc: 50,
    },
    defaultSort: '-date',
    hooks: {
      beforeOperation: [guardPublication, ignoreDraftsForPublic],
      beforeChange: [assignReferenceNumber(options.kind), recordTextUpdate],
      afterChange: [recordIssuedReferenceNumber, queuePublicationSend],
    },
    fields: [
      {
        name: 'title',
        type: 'text',
        localized: true,
        required: true,
        maxLength: 300,
        label: { en: 'Title', ru: 'Заголовок' },
      },
      {
        type: 'tabs',
        tabs: [
          {
            label: { en: 'Text', ru: 'Текст' },
            fields: [
              {
                name: 'summary',
                type: 'textarea',
                localized: true,
                maxLength: 1000,
                label: { en: 'Standfirst / summary', ru: 'Лид / краткое содержание' },
              },
              {
                type: 'row',
                fields: [
                  {
                    name: 'place',
                    type: 'text',
                    localized: true,
                    label: { en: 'Place (date line)', ru: 'Место (в строке даты)' },
                    admin: { width: '50%' },
                  },
                  {
                    name: 'date',
                    type: 'date',
                    // Required through validate, so a draft can be saved before it is dated.
                    validate: (value: unknown, { req }: { req: PayloadRequest }) => {
                      const say = adminT(req.i18n.t, 'validation')
                      if (!value) return say('dateLineRequired')
                      return Number.isNaN(Date.parse(String(value)))
                        ? say('notADateIso', { value: String(value) })
                        : true
                    },
                    index: true,
                    hooks: instantHooks,
                    timezone: instantZone,
                    defaultValue: () => new Date().toISOString(),
                    label: { en: 'Date (date line)', ru: 'Дата (в строке даты)' },
                    admin: { width: '50%', date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMMM yyyy' } },
                  },
                ],
              },
              {
                name: 'body',
                type: 'richText',
                localized: true,
                label: { en: 'Body', ru: 'Текст' },
              },
            ],
          },
          ...(options.kindTab ? [options.kindTab] : []),
          {
            label: { en: 'Media, documents, contacts', ru: 'Медиа, документы, контакты' },
            fields: [
              {
                name: 'media',
                type: 'relationship',
                relationTo: 'media',
                hasMany: true,
                label: { en: 'Related media', ru: 'Медиафайлы' },
              },
              {
                name: 'documents',
                type: 'relationship',
                relationTo: 'documents',
                hasMany: true,
                label: { en: 'Related documents', ru: 'Документы' },
              },
              {
                name: 'pressContacts',
                type: 'relationship',
                relationTo: 'press-contacts',
                hasMany: true,
                label: { en: 'Press contacts', ru: 'Контакты для прессы' },
              },
            ],
          },
          {
            label: { en: 'Changes', ru: 'Изменения' },
            fields: [changeNotesField],
          },
        ],
      },
      slugField,
      {
        name: 'referenceNumber',
        type: 'text',
        unique: true,
        index: true,
        label: { en: 'Reference number', ru: 'Регистрационный номер' },
        access: { create: () => false, update: () => false },
        // A copy is a new document: it gets its own number when it is first published.
        disableDuplicate: true,
        admin: {
          position: 'sidebar',
          readOnly: true,
          description: {
            en: 'Given at first publication; the same in both languages; never changes.',
            ru: 'Присваивается при первой публикации; общий для обоих языков; не меняется.',
          },
        },
      },
      {
        name: 'firstPublishedAt',
        type: 'date',
        label: { en: 'First published', ru: 'Впервые опубликовано' },
        hooks: instantHooks,
        // Editorial history: for an embargoed release it is earlier than the embargo (docs/adr/0025).
        access: { read: staffOnlyField, create: () => false, update: () => false },
        disableDuplicate: true,
        admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
      },
      ...(options.sidebarFields ?? []),
      translationStateField,
      {
        name: 'sendToSubscribers',
        type: 'ui',
        admin: {
          position: 'sidebar',
          components: { Field: '/components/SendToSubscribers.tsx#SendToSubscribers' },
        },
      },
      {
        // Staff preview the draft's e-mail and PDF and send themselves a test (docs/adr/0038).
        name: 'mailPreview',
        type: 'ui',
        admin: {
          position: 'sidebar',
          components: { Field: '/components/MailPreview.tsx#PublicationMailPreview' },
        },
      },
      {
        name: 'textUpdatedAt',
        type: 'date',
        localized: true,
        hooks: instantHooks,
        label: { en: 'Text of this language last changed', ru: 'Текст на этом языке изменён' },
        access: { create: () => false, update: () => false },
        admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
      },
      {
        name: 'topics',
        type: 'relationship',
        relationTo: 'topics',
        hasMany: true,
        label: { en: 'Topics', ru: 'Темы' },
        admin: { position: 'sidebar' },
      },
      // The uploads the body points at, so the upload visibility rule need not read bodies (docs/adr/0022).
      ...bodyUploadFields,
    ],
  }
}
