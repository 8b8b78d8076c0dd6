import {
  changeNoteKinds,
  checkSlug,
  type DocumentKind,
  documentKinds,
  type Locale,
  localeCodes,
  translationStates,
} from '@pressroom/shared'
import { z } from 'astro/zod'

/**
 * What the build accepts from the CMS. A document that breaks these rules stops the build with
 * the collection, the document id and the field, so staff know what to fix. The site's content
 * types are inferred from these schemas (`z.infer`): what `normalize.ts` makes and what pages read.
 */
const isoDate = z.string().refine((value) => !Number.isNaN(Date.parse(value)), {
  message: 'must be a date (ISO 8601); set the date line in the CMS',
})
const slug = z.string().superRefine((value, context) => {
  const problem = checkSlug(value)
  if (problem) context.addIssue({ code: 'custom', message: `${problem} Set it in the CMS.` })
})
const perLocale = <T extends z.ZodType>(schema: T) =>
  z.object(Object.fromEntries(localeCodes.map((l) => [l, schema.optional()])) as Record<Locale, z.ZodOptional<T>>)
const localizedText = perLocale(z.string())
const named = localizedText.refine((value) => Object.keys(value).length > 0, {
  message: 'has no text in any language',
})

const publicationVersion = z.object({
  title: z.string().min(1),
  summary: z.string().optional(),
  place: z.string().optional(),
  body: z.unknown().optional(),
  translationState: z.enum(translationStates),
  /** When the words of this language last changed. */
  textUpdatedAt: isoDate.optional(),
  signatories: z.array(z.object({ name: z.string(), role: z.string().optional() })),
  addressees: z.array(z.string()),
  formalClosing: z.string().optional(),
})

const documentKind = z.enum(documentKinds.map((k) => k.kind) as [DocumentKind, ...DocumentKind[]])

export const publication = z.object({
  kind: documentKind,
  cmsId: z.string(),
  slug,
  referenceNumber: z.string().optional(),
  date: isoDate,
  /** The zone its date was entered in (the CMS's `date_tz`); none: the organization's (`zoneOf`). */
  zone: z.string().optional(),
  updatedAt: isoDate,
  embargoUntil: isoDate.optional(),
  /** The zone the embargo was set in (`embargoUntil_tz`). */
  embargoZone: z.string().optional(),
  topics: z.array(z.string()),
  media: z.array(z.string()),
  documents: z.array(z.string()),
  pressContacts: z.array(z.string()),
  changeNotes: z.array(z.object({ id: z.string(), date: isoDate, kind: z.enum(changeNoteKinds), note: localizedText })),
  versions: perLocale(publicationVersion).refine((value) => Object.keys(value).length > 0, {
    message: 'has a title in no language; give it a title in at least one',
  }),
})

const imageSize = z.object({
  filename: z.string().min(1),
  width: z.number(),
  height: z.number(),
  mimeType: z.string(),
  /** Bytes, as the CMS measured them (0 when it did not say). */
  filesize: z.number(),
  url: z.string(),
})

export const media = z.object({
  cmsId: z.string(),
  filename: z.string().min(1),
  mimeType: z.string(),
  width: z.number(),
  height: z.number(),
  filesize: z.number(),
  url: z.string().min(1),
  sizes: z.record(z.string(), imageSize),
  alt: named,
  caption: localizedText,
  credit: z.string().optional(),
  licence: z.string().optional(),
  updatedAt: isoDate,
})

export const documentFile = z.object({
  cmsId: z.string(),
  filename: z.string().min(1),
  mimeType: z.string(),
  filesize: z.number(),
  url: z.string().min(1),
  title: named,
  description: localizedText,
  language: z.string().optional(),
  updatedAt: isoDate,
})

export const topic = z.object({ cmsId: z.string(), slug, title: named, description: localizedText })

export const pressContact = z.object({
  cmsId: z.string(),
  name: named,
  role: localizedText,
  email: z.string().email(),
  phone: z.string().optional(),
  languages: z.array(z.string()),
})

export const pressKit = z.object({
  cmsId: z.string(),
  slug,
  title: named,
  description: localizedText,
  media: z.array(z.string()),
  documents: z.array(z.string()),
  publications: z.array(z.object({ kind: documentKind, cmsId: z.string() })),
  pressContacts: z.array(z.string()),
  updatedAt: isoDate,
})

export const settings = z.object({
  organizationName: localizedText,
  organizationDescription: localizedText,
  /** Printed on document pages and under publication e-mails (docs/adr/0047). */
  notesToEditors: localizedText.default({}),
  socialLinks: z.array(z.object({ label: z.string(), url: z.string() })),
  /** The organization's time zone (docs/adr/0040). */
  defaultTimezone: z.string().optional(),
})

/** A hand-written MDX page; `version` is the privacy notice's (shared/src/privacyNotice.ts). */
export const page = z.object({ title: z.string(), description: z.string(), version: z.coerce.string().optional() })

export type PublicationVersion = z.infer<typeof publicationVersion>
export type Publication = z.infer<typeof publication>
export type ImageSize = z.infer<typeof imageSize>
export type MediaItem = z.infer<typeof media>
export type DocumentFile = z.infer<typeof documentFile>
export type Topic = z.infer<typeof topic>
export type PressContact = z.infer<typeof pressContact>
export type PressKit = z.infer<typeof pressKit>
export type SiteSettings = z.infer<typeof settings>
