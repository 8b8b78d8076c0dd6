import { type Locale, localeCodes } from '@pressroom/shared'
import type { CollectionConfig, Config, Description, DescriptionFunction, Field, GlobalConfig, Plugin } from 'payload'

/**
 * Next to each field of what the public can read, the admin says whether the field is public
 * (docs/adr/0025). The marker is derived from the access rules themselves (the collection's or
 * global's `read`, the field's own `access.read` and its parents'), never written by hand, so it
 * cannot disagree with what an anonymous reader really gets.
 */
type Marker = Record<Locale, string>

export const visibilityMarkers = {
  /** The field's (or a parent's) `access.read` refuses anonymous readers. */
  staffOnly: { en: 'Staff only, never published.', ru: 'Только для сотрудников, не публикуется.' },
  /** Collections with drafts: publications, press kits (an embargo adds its own wait). */
  oncePublished: { en: 'Public once published.', ru: 'Становится публичным при публикации.' },
  /** Media and document files: public while a public publication or kit uses them. */
  whileUsed: {
    en: 'Public while something public uses it.',
    ru: 'Публично, пока используется в опубликованном.',
  },
  /** Collections and globals without drafts: topics, press contacts, site settings. */
  onSave: { en: 'Public as soon as saved.', ru: 'Публично сразу после сохранения.' },
} as const satisfies Record<string, Marker>

export type VisibilityMarker = keyof typeof visibilityMarkers

const anonymousRequest = { req: { user: null } }

/**
 * What an access function answers an anonymous request. A rule this cannot evaluate without a
 * database (it throws, or answers later) counts as readable: a marker that says "public" about a
 * private field is the safe mistake.
 */
export function anonymousMayRead(read: unknown, whenAbsent: boolean): boolean {
  if (typeof read !== 'function') return whenAbsent
  try {
    const answer: unknown = read(anonymousRequest)
    if (answer instanceof Promise) {
      answer.catch(() => undefined)
      return true
    }
    // A query (Where) limits what is readable but still lets anonymous readers in.
    return answer !== false && answer !== undefined && answer !== null
  } catch {
    return true
  }
}

/** How the public reads a collection or global, or null when only staff read it at all. */
export function publicMarker(entity: CollectionConfig | GlobalConfig): VisibilityMarker | null {
  // Payload's default read access is "signed in", so no rule means staff only.
  if (!anonymousMayRead(entity.access?.read, false)) return null
  if ('upload' in entity && entity.upload) return 'whileUsed'
  const versions = entity.versions
  return typeof versions === 'object' && versions?.drafts ? 'oncePublished' : 'onSave'
}

const allMarkerTexts = Object.values(visibilityMarkers).flatMap((marker) => Object.values(marker))

function withoutMarkers(text: string): string {
  return allMarkerTexts.reduce((rest, marker) => rest.replace(marker, ''), text).trim()
}

const joined = (text: string, marker: string) => [withoutMarkers(text), marker].filter(Boolean).join(' ')

/** The field's own description (a string, an {en, ru} record or a function) with the marker after it. */
export function describeWithMarker(description: Description | undefined, marker: Marker): Description {
  if (typeof description === 'function') {
    const described: DescriptionFunction = (args) =>
      joined(description(args), marker[args.i18n.language as Locale] ?? marker.en)
    return described
  }
  const base = (locale: Locale) =>
    typeof description === 'string' ? description : (description?.[locale] ?? description?.en ?? '')
  return Object.fromEntries(localeCodes.map((locale) => [locale, joined(base(locale), marker[locale])]))
}

type FieldLike = {
  type?: string
  name?: string
  access?: { read?: unknown }
  admin?: { description?: Description }
  fields?: FieldLike[]
  tabs?: FieldLike[]
  blocks?: { fields: FieldLike[] }[]
}

/** Named fields hold data (rows, collapsibles, unnamed groups and tabs only arrange the form). */
const holdsData = (field: FieldLike) => typeof field.name === 'string' && field.name !== '' && field.type !== 'ui'

function markField(field: FieldLike, publicly: VisibilityMarker, parentStaffOnly: boolean): FieldLike {
  const staffOnly = parentStaffOnly || (holdsData(field) && !anonymousMayRead(field.access?.read, true))
  const marked: FieldLike = { ...field }
  if (holdsData(field)) {
    const marker = visibilityMarkers[staffOnly ? 'staffOnly' : publicly]
    marked.admin = { ...field.admin, description: describeWithMarker(field.admin?.description, marker) }
  }
  const inner = (fields: FieldLike[]) => fields.map((child) => markField(child, publicly, staffOnly))
  if (field.fields) marked.fields = inner(field.fields)
  if (field.tabs) marked.tabs = inner(field.tabs)
  if (field.blocks) marked.blocks = field.blocks.map((block) => ({ ...block, fields: inner(block.fields) }))
  return marked
}

function markEntity<T extends CollectionConfig | GlobalConfig>(entity: T): T {
  const publicly = publicMarker(entity)
  if (!publicly) return entity
  const fields = (entity.fields as FieldLike[]).map((field) => markField(field, publicly, false))
  return { ...entity, fields: fields as Field[] }
}

/**
 * A Payload plugin: marks every field of every publicly readable collection and global. It runs
 * after every other plugin (`order`), so the fields they add are marked too.
 */
export const markFieldVisibility: Plugin = Object.assign(
  (config: Config): Config => ({
    ...config,
    collections: config.collections?.map(markEntity),
    globals: config.globals?.map(markEntity),
  }),
  { order: 1000 },
)
