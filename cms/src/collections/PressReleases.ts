import { publishedAndReleasedOrStaff } from '../access/index.ts'
import { instantHooks } from '../fields/instant.ts'
import { instantZone } from '../fields/instantZone.ts'
import { publicationCollection } from './publication.ts'

export const PressReleases = publicationCollection({
  kind: 'pressRelease',
  read: publishedAndReleasedOrStaff,
  sidebarFields: [
    {
      name: 'embargoUntil',
      type: 'date',
      index: true,
      hooks: instantHooks,
      timezone: instantZone,
      label: { en: 'Embargoed until', ru: 'Эмбарго до' },
      admin: {
        position: 'sidebar',
        components: {
          afterInput: [{ path: '/components/InstantInZone.tsx#InstantInZone', clientProps: { name: 'embargoUntil' } }],
        },
        date: { pickerAppearance: 'dayAndTime', timeFormat: 'HH:mm', displayFormat: 'd MMMM yyyy, HH:mm' },
        description: {
          en: 'A published release stays invisible to the public, the API and feeds until this instant.',
          ru: 'Опубликованный релиз не виден публике, API и лентам до этого момента.',
        },
      },
    },
    {
      // Send ahead to vetted journalists while the embargo is ahead (docs/adr/0043).
      name: 'advanceSend',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/components/AdvanceSend.tsx#AdvanceSend' } },
    },
  ],
})
