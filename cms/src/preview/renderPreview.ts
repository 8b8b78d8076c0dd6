import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { siteRoot } from '../paths.ts'
import type { PreviewInput } from './loadPreviewInput.ts'

type PreviewBundle = { render: (request: Request, locals: object) => Promise<Response> }

/** The site's preview build (`pnpm --filter @pressroom/site build:preview`, run by `./pressroom start` and `test`). */
export function previewBuildDir(env: Record<string, string | undefined> = process.env): string {
  return path.join(env.SITE_DIR || siteRoot, 'dist-preview')
}

let bundle: Promise<PreviewBundle> | undefined

/**
 * Imported at run time by path, never bundled by Next: the site's own Astro pages, layouts and
 * components render the draft (docs/adr/0037-previews.md).
 */
function previewBundle(): Promise<PreviewBundle> {
  bundle ??= import(
    /* webpackIgnore: true */ /* turbopackIgnore: true */ pathToFileURL(
      path.join(previewBuildDir(), 'server/entry.mjs'),
    ).href
  ).catch((error: Error) => {
    bundle = undefined
    throw new Error(
      `The site's preview build is missing (${error.message}). Run \`pnpm --filter @pressroom/site build:preview\` (./pressroom start does).`,
    )
  }) as Promise<PreviewBundle>
  return bundle
}

/** The page's HTML, as the site will render it. */
export async function renderPreview(input: PreviewInput, origin: string): Promise<Response> {
  const { render } = await previewBundle()
  return render(new Request(new URL('/preview/', origin)), { preview: input })
}
