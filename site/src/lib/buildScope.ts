/**
 * Which build a lookup belongs to. `astro build` is one build: every cache in lib/content.ts is
 * filled once. A preview render (src/preview/, docs/adr/0037-previews.md) is a build of its own,
 * over one draft, inside the CMS process where many previews share the same modules: its caches
 * must not outlive it or leak into the next. The preview's middleware names its render's scope
 * on a global symbol (as lib/pageLinks.ts does for the sitemap); outside a preview nobody does.
 */
const key = Symbol.for('pressroom.previewScope')
const slot = globalThis as { [key]?: () => object | undefined }
const staticBuild = {}

function currentScope(): object {
  return slot[key]?.() ?? staticBuild
}

/** True while a preview renders. */
export function previewing(): boolean {
  return currentScope() !== staticBuild
}

/** Called by the preview's middleware only: how to find the render in progress. */
export function setPreviewScope(find: () => object | undefined) {
  slot[key] = find
}

/** `make()` once per build (once per preview render), however many pages ask. */
export function perBuild<T>(make: () => Promise<T>): () => Promise<T> {
  const caches = new WeakMap<object, Promise<T>>()
  return () => {
    const scope = currentScope()
    let cached = caches.get(scope)
    if (!cached) {
      cached = make()
      caches.set(scope, cached)
    }
    return cached
  }
}
