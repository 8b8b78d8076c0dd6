import { defineCollection } from 'astro:content'
import { type DocumentCollection, documentKinds } from '@pressroom/shared'
import { glob } from 'astro/loaders'
import type { z } from 'astro/zod'
import {
  normalizeDocumentFile,
  normalizeMedia,
  normalizePressContact,
  normalizePressKit,
  normalizeSettings,
  normalizeTopic,
} from './lib/normalize.ts'
import * as schemas from './lib/schemas.ts'
import { type CollectionSpec, cmsCollectionLoader, cmsGlobalLoader, publicationLoader } from './loaders/cms.ts'

/** A CMS collection, read by the content loader and checked against its schema. */
const fromCms = <S extends z.ZodType>(spec: CollectionSpec, schema: S) =>
  defineCollection({ loader: cmsCollectionLoader(spec), schema })

const publicationCollection = (kind: (typeof documentKinds)[number]) =>
  defineCollection({ loader: publicationLoader(kind), schema: schemas.publication })

/** One collection per kind of publication, named as in the CMS (`statements`, `press-releases`). */
const publications = Object.fromEntries(
  documentKinds.map((kind) => [kind.collection, publicationCollection(kind)]),
) as Record<DocumentCollection, ReturnType<typeof publicationCollection>>

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
  ...publications,
  media: fromCms({ collection: 'media', normalize: normalizeMedia }, schemas.media),
  documentFiles: fromCms({ collection: 'documents', normalize: normalizeDocumentFile }, schemas.documentFile),
  topics: fromCms({ collection: 'topics', normalize: normalizeTopic }, schemas.topic),
  pressContacts: fromCms({ collection: 'press-contacts', normalize: normalizePressContact }, schemas.pressContact),
  pressKits: fromCms(
    { collection: 'press-kits', normalize: normalizePressKit, digestFields: ['publications'] },
    schemas.pressKit,
  ),
  settings: defineCollection({
    loader: cmsGlobalLoader({ global: 'site-settings', normalize: normalizeSettings }),
    schema: schemas.settings,
  }),
}
