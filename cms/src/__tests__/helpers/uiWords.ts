import { localeCodes } from '@pressroom/shared'
import type { Field, SanitizedConfig } from 'payload'

/**
 * Payload's own screens show our collections' and fields' words: labels, descriptions, option
 * labels, tab labels. Each must exist in every admin language, or the Russian admin shows English
 * (a field without a label shows its name in English words). Payload's own fields word themselves.
 */
type Words = unknown

function check(missing: string[], words: Words, where: string, optional = false) {
  if (words === undefined || words === false || typeof words === 'function') {
    if (!optional && words === undefined) missing.push(`${where}: no words`)
    return
  }
  if (typeof words === 'string') {
    missing.push(`${where}: "${words}" in one language only`)
    return
  }
  if (typeof words === 'object' && words !== null) {
    for (const code of localeCodes) {
      if (!(words as Record<string, unknown>)[code]) missing.push(`${where}: no ${code}`)
    }
  }
}

function walk(missing: string[], fields: Field[], where: string) {
  for (const field of fields) {
    const name = 'name' in field ? field.name : field.type
    const at = `${where}.${name}`
    const admin = (field as { admin?: { hidden?: boolean; description?: unknown; disabled?: boolean } }).admin
    // Hidden fields are never shown; a `ui` field shows its own component, not its label.
    const hidden =
      admin?.hidden === true ||
      admin?.disabled === true ||
      (field as { hidden?: boolean }).hidden === true ||
      field.type === 'ui'
    if (!hidden) {
      if ('label' in field) check(missing, field.label, `${at} label`, true)
      if (typeof admin?.description !== 'function') check(missing, admin?.description, `${at} description`, true)
      if ('options' in field) {
        for (const option of field.options) {
          // A language is named in its own language (English, Русский) in every admin language.
          if (typeof option === 'string') missing.push(`${at} option ${option}: shown as its value`)
          else if (!localeCodes.includes(option.value as never))
            check(missing, option.label, `${at} option ${option.value}`)
        }
      }
    }
    if ('fields' in field) walk(missing, field.fields, at)
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        check(missing, tab.label, `${at} tab ${'name' in tab ? tab.name : ''}`, true)
        check(missing, tab.description, `${at} tab description`, true)
        walk(missing, tab.fields, at)
      }
    }
    if (field.type === 'blocks') {
      for (const block of field.blocks) walk(missing, block.fields, `${at}.${block.slug}`)
    }
  }
}

/** Every word of our collections, globals and fields that lacks an admin language, where it is. */
export function untranslatedUiWords(config: SanitizedConfig): string[] {
  const missing: string[] = []
  const own = (slug: string) => slug.startsWith('payload-')
  for (const collection of config.collections) {
    if (own(collection.slug) || collection.admin.hidden === true) continue
    check(missing, collection.labels.singular, `${collection.slug} singular`)
    check(missing, collection.labels.plural, `${collection.slug} plural`)
    check(missing, collection.admin.description, `${collection.slug} description`, true)
    check(missing, collection.admin.group, `${collection.slug} group`, true)
    walk(missing, collection.fields, collection.slug)
  }
  for (const global of config.globals) {
    if (own(global.slug) || global.admin.hidden === true) continue
    check(missing, global.label, `${global.slug} label`)
    walk(missing, global.fields, global.slug)
  }
  return missing
}
