import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Locale } from '@pressroom/shared'
import type { CollectionConfig, Config, SanitizedConfig } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { anyone, staffOnlyField } from '../access/index.ts'
import {
  describeWithMarker,
  markFieldVisibility,
  type VisibilityMarker,
  visibilityMarkers,
} from '../fields/visibilityMarkers.ts'
import { shownOnSite } from '../siteBuild/withSiteRebuild.ts'

/**
 * The admin's "public or not" marker next to each field, checked over the real config: every
 * field the admin shows carries exactly one marker, and it is the one its read access implies
 * (evaluated here on its own, with an anonymous and a staff request).
 */
let config: SanitizedConfig

beforeAll(async () => {
  process.env.PAYLOAD_SECRET ??= 'test-secret-that-is-long-enough-0123456789'
  // The config is only built, never connected; the file is never created.
  process.env.DATABASE_URL = `file:${path.join(mkdtempSync(path.join(os.tmpdir(), 'pressroom-config-')), 'x.db')}`
  config = await (await import('../payload.config.ts')).default
})

type AnyField = {
  type?: string
  name?: string
  hidden?: boolean
  access?: { read?: (args: unknown) => unknown }
  admin?: { hidden?: boolean; description?: unknown }
  fields?: AnyField[]
  tabs?: AnyField[]
  blocks?: { fields: AnyField[] }[]
}
type Walked = { path: string; field: AnyField; staffOnly: boolean }

const anonymous = { req: { user: null } }
const translator = { req: { user: { id: 1, collection: 'users', role: 'translator' } } }

const refuses = (read: unknown) => typeof read === 'function' && read(anonymous) === false

/** Every field with its path (arrays and groups nest, rows and unnamed tabs do not) and whether the public may read it. */
function walk(fields: AnyField[], prefix = '', parentStaffOnly = false): Walked[] {
  return fields.flatMap((field) => {
    const named = typeof field.name === 'string' && field.type !== 'ui'
    const staffOnly = parentStaffOnly || (named && refuses(field.access?.read))
    const own = named ? [{ path: `${prefix}${field.name}`, field, staffOnly }] : []
    const nested = named ? `${prefix}${field.name}.` : prefix
    const inner = [...(field.fields ?? []), ...(field.tabs ?? []), ...(field.blocks ?? []).flatMap((b) => b.fields)]
    return [...own, ...walk(inner, nested, staffOnly)]
  })
}

function descriptionIn(description: unknown, locale: Locale): string {
  if (typeof description === 'function') return description({ i18n: { language: locale }, t: () => '' })
  if (typeof description === 'string') return description
  return (description as Record<string, string> | undefined)?.[locale] ?? ''
}

/** The markers a description carries in one language. */
const markersIn = (text: string, locale: Locale) =>
  (Object.keys(visibilityMarkers) as VisibilityMarker[]).filter((key) => text.includes(visibilityMarkers[key][locale]))

type Entity = { slug: string; fields: AnyField[]; read: unknown; upload: boolean; drafts: boolean }

function entities(): Entity[] {
  return [
    ...config.collections.map((c) => ({
      slug: c.slug,
      fields: c.fields as unknown as AnyField[],
      read: c.access.read,
      upload: Boolean(c.upload),
      drafts: Boolean(c.versions?.drafts),
    })),
    ...config.globals.map((g) => ({
      slug: g.slug,
      fields: g.fields as unknown as AnyField[],
      read: g.access.read,
      upload: false,
      drafts: Boolean(g.versions?.drafts),
    })),
  ]
}

/** Whether anonymous readers get in at all; an async rule (uploads: a database query) lets them in. */
const publiclyReadable = (entity: Entity) => {
  if (typeof entity.read !== 'function') return false
  const answer: unknown = entity.read(anonymous)
  if (answer instanceof Promise) {
    // Needs a database to answer; what matters here is that it is not a plain refusal.
    answer.catch(() => undefined)
    return true
  }
  return answer !== false
}

const publicMarkerOf = (entity: Entity): VisibilityMarker =>
  entity.upload ? 'whileUsed' : entity.drafts ? 'oncePublished' : 'onSave'

describe('the admin says next to each field whether it is public', () => {
  it('for exactly the collections and globals anonymous readers may read: those the site shows, no other', () => {
    // Read access decides what is public; the site-build hooks list what the site shows. They must agree.
    expect(
      entities()
        .filter(publiclyReadable)
        .map((e) => e.slug)
        .sort(),
    ).toEqual([...shownOnSite].sort())
  })

  it('with exactly one marker per field in each language, matching the field’s read access', () => {
    let checked = 0
    for (const entity of entities().filter(publiclyReadable)) {
      for (const { path: fieldPath, field, staffOnly } of walk(entity.fields)) {
        // Payload's own hidden fields (upload data, timestamps) have no place to show a description,
        // and the draft status is shown in the document's header, not as a field.
        if (field.hidden || field.admin?.hidden || fieldPath === '_status') continue
        const expected: VisibilityMarker = staffOnly ? 'staffOnly' : publicMarkerOf(entity)
        for (const locale of ['en', 'ru'] as const) {
          const found = markersIn(descriptionIn(field.admin?.description, locale), locale)
          expect(found, `${entity.slug}.${fieldPath} (${locale})`).toEqual([expected])
        }
        if (staffOnly) expect(field.access?.read?.(translator) ?? true, `${entity.slug}.${fieldPath}`).toBe(true)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(80)
  })

  it('carries no marker on collections only staff read', () => {
    for (const entity of entities().filter((e) => !publiclyReadable(e))) {
      for (const { path: fieldPath, field } of walk(entity.fields)) {
        for (const locale of ['en', 'ru'] as const) {
          expect(
            markersIn(descriptionIn(field.admin?.description, locale), locale),
            `${entity.slug}.${fieldPath}`,
          ).toEqual([])
        }
      }
    }
  })

  it('keeps internal fields staff-only and what the site shows public (docs/adr/0025)', () => {
    const paths = (slug: string, staffOnly: boolean) => {
      const entity = entities().find((e) => e.slug === slug)
      if (!entity) throw new Error(`no ${slug}`)
      return walk(entity.fields)
        .filter((w) => w.staffOnly === staffOnly)
        .map((w) => w.path)
    }
    const publication = [
      'title',
      'summary',
      'place',
      'date',
      'body',
      'media',
      'documents',
      'pressContacts',
      'changeNotes',
      'changeNotes.date',
      'changeNotes.kind',
      'changeNotes.note',
      'slug',
      'referenceNumber',
      'translationState',
      'textUpdatedAt',
      'topics',
    ]
    for (const slug of ['statements', 'notices', 'press-releases']) {
      expect(paths(slug, true)).toEqual(expect.arrayContaining(['firstPublishedAt']))
      expect(paths(slug, false)).toEqual(expect.arrayContaining(publication))
    }
    expect(paths('statements', false)).toEqual(expect.arrayContaining(['signatories.name', 'signatories.role']))
    expect(paths('notices', false)).toEqual(expect.arrayContaining(['addressees.group', 'formalClosing']))
    expect(paths('press-releases', false)).toContain('embargoUntil')
    expect(paths('media', true)).toContain('consentNote')
    expect(paths('media', false)).toEqual(expect.arrayContaining(['alt', 'caption', 'credit', 'licence']))
    expect(paths('documents', false)).toEqual(expect.arrayContaining(['title', 'description', 'language']))
    expect(paths('topics', false)).toEqual(expect.arrayContaining(['title', 'description', 'slug']))
    expect(paths('press-kits', true)).toContain('isPlaceholder')
    expect(paths('press-kits', false)).toEqual(
      expect.arrayContaining(['title', 'description', 'publications', 'media', 'documents', 'pressContacts', 'slug']),
    )
    expect(paths('press-contacts', true)).toContain('isPlaceholder')
    expect(paths('press-contacts', false)).toEqual(
      expect.arrayContaining(['name', 'role', 'email', 'phone', 'languages']),
    )
    expect(paths('site-settings', true)).toEqual(
      expect.arrayContaining(['siteUrl', 'cmsUrl', 'referencePrefix', 'isPlaceholder']),
    )
    expect(paths('site-settings', false)).toEqual(
      expect.arrayContaining(['organizationName', 'organizationDescription', 'socialLinks', 'socialLinks.label']),
    )
  })
})

describe('the marker', () => {
  it('follows a field’s existing description in both languages, whatever its form, and is never doubled', () => {
    const marker = visibilityMarkers.staffOnly
    expect(describeWithMarker({ en: 'Who consented.', ru: 'Кто согласился.' }, marker)).toEqual({
      en: `Who consented. ${marker.en}`,
      ru: `Кто согласился. ${marker.ru}`,
    })
    expect(describeWithMarker(undefined, marker)).toEqual(marker)
    expect(describeWithMarker('Same in both.', marker)).toEqual({
      en: `Same in both. ${marker.en}`,
      ru: `Same in both. ${marker.ru}`,
    })
    const once = describeWithMarker({ en: 'Text.', ru: 'Текст.' }, visibilityMarkers.onSave)
    expect(describeWithMarker(once, marker)).toEqual({ en: `Text. ${marker.en}`, ru: `Текст. ${marker.ru}` })
    const fn = describeWithMarker(({ i18n }) => (i18n.language === 'ru' ? 'Динамически.' : 'Dynamic.'), marker)
    expect(descriptionIn(fn, 'ru')).toBe(`Динамически. ${marker.ru}`)
    expect(descriptionIn(fn, 'en')).toBe(`Dynamic. ${marker.en}`)
  })

  it('comes by itself to fields added later, from their own read access, inside any nesting', async () => {
    const uploads: CollectionConfig = {
      slug: 'photos',
      access: { read: anyone },
      upload: true,
      fields: [
        { name: 'keepMetadata', type: 'checkbox', access: { read: staffOnlyField } },
        { name: 'publicOnItsOwn', type: 'checkbox' },
        {
          type: 'tabs',
          tabs: [
            {
              label: 'Unnamed',
              fields: [{ type: 'row', fields: [{ name: 'inRow', type: 'text' }] }],
            },
            {
              name: 'privateTab',
              access: { read: staffOnlyField },
              fields: [{ name: 'inPrivateTab', type: 'text' }],
            },
          ],
        },
        {
          name: 'rows',
          type: 'array',
          fields: [
            { name: 'visible', type: 'text' },
            {
              name: 'blocks',
              type: 'blocks',
              blocks: [{ slug: 'b', fields: [{ name: 'secret', type: 'text', access: { read: staffOnlyField } }] }],
            },
          ],
        },
      ],
    }
    const marked = (await markFieldVisibility({ collections: [uploads] } as Config)) as Config
    const markerOf = Object.fromEntries(
      walk(marked.collections?.[0]?.fields as unknown as AnyField[]).map((w) => [
        w.path,
        markersIn(descriptionIn(w.field.admin?.description, 'en'), 'en'),
      ]),
    )
    expect(markerOf).toEqual({
      keepMetadata: ['staffOnly'],
      publicOnItsOwn: ['whileUsed'],
      inRow: ['whileUsed'],
      privateTab: ['staffOnly'],
      'privateTab.inPrivateTab': ['staffOnly'],
      rows: ['whileUsed'],
      'rows.visible': ['whileUsed'],
      'rows.blocks': ['whileUsed'],
      'rows.blocks.secret': ['staffOnly'],
    })
  })
})
