import { defineCollection } from 'astro:content'
import { documentKinds } from '@pressroom/shared'
import { glob } from 'astro/loaders'
import {
  normalizeDocumentFile,
  normalizeMedia,
  normalizePressContact,
  normalizePressKit,
  normalizeSettings,
  normalizeTopic,
} from './lib/normalize.ts'
import * as schemas from './lib/schemas.ts'
import { cmsCollectionLoader, cmsGlobalLoader, publicationLoader } from './loaders/cms.ts'

const publicationCollection = (kind: (typeof documentKinds)[number]) =>
  defineCollection({ loader: publicationLoader(kind), schema: schemas.publication })

const [statementKind, noticeKind, pressReleaseKind] = documentKinds

/** Everything the site shows: published CMS content (ADR 0008) and the hand-written MDX pages. */
export const collections = {
  /** Hand-written pages (MDX), one file per language: about.en.mdx, about.ru.mdx. */
  pages: defineCollection({
    loader: glob({
      pattern: '*.mdx',
      base: './src/content/pages',
      generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
    }),
    schema: schemas.page,
  }),
  statements: publicationCollection(statementKind),
  notices: publicationCollection(noticeKind),
  pressReleases: publicationCollection(pressReleaseKind),
  media: defineCollection({
    loader: cmsCollectionLoader({ collection: 'media', normalize: normalizeMedia }),
    schema: schemas.media,
  }),
  documentFiles: defineCollection({
    loader: cmsCollectionLoader({ collection: 'documents', normalize: normalizeDocumentFile }),
    schema: schemas.documentFile,
  }),
  topics: defineCollection({
    loader: cmsCollectionLoader({ collection: 'topics', normalize: normalizeTopic }),
    schema: schemas.topic,
  }),
  pressContacts: defineCollection({
    loader: cmsCollectionLoader({ collection: 'press-contacts', normalize: normalizePressContact }),
    schema: schemas.pressContact,
  }),
  pressKits: defineCollection({
    loader: cmsCollectionLoader({
      collection: 'press-kits',
      normalize: normalizePressKit,
      digestFields: ['publications'],
    }),
    schema: schemas.pressKit,
  }),
  settings: defineCollection({
    loader: cmsGlobalLoader({ global: 'site-settings', normalize: normalizeSettings }),
    schema: schemas.settings,
  }),
}
