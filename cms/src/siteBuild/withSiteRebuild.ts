import { documentCollections } from '@pressroom/shared'
import type { CollectionConfig, GlobalConfig } from 'payload'
import {
  notePublicState,
  queueSiteBuildOnChange,
  queueSiteBuildOnDelete,
  queueSiteBuildOnGlobalChange,
} from './queueSiteBuild.ts'

/** Everything the public site shows comes from these; a public change to one queues a build. */
export const shownOnSite = new Set<string>([
  ...documentCollections,
  'press-kits',
  'media',
  'documents',
  'topics',
  'press-contacts',
  'site-settings',
])

/** Appends the site build hooks to a collection's own hook lists. */
export const withSiteRebuild = (collection: CollectionConfig): CollectionConfig => {
  if (!shownOnSite.has(collection.slug)) return collection
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: {
      ...hooks,
      beforeOperation: [...(hooks.beforeOperation ?? []), notePublicState],
      afterChange: [...(hooks.afterChange ?? []), queueSiteBuildOnChange],
      afterDelete: [...(hooks.afterDelete ?? []), queueSiteBuildOnDelete],
    },
  }
}

export const withSiteRebuildGlobal = (global: GlobalConfig): GlobalConfig => {
  if (!shownOnSite.has(global.slug)) return global
  return {
    ...global,
    hooks: { ...global.hooks, afterChange: [...(global.hooks?.afterChange ?? []), queueSiteBuildOnGlobalChange] },
  }
}
