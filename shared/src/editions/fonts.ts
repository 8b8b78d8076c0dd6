/// <reference path="../fontkit.d.ts" />
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { create as createFontFace } from 'fontkit'

/**
 * PT Serif (ParaType, SIL Open Font License 1.1), made for Russian and Latin typesetting, from
 * the npm package @expo-google-fonts/pt-serif. Embedded as subsets in every PDF edition.
 */
export const editionFontFiles = {
  regular: '@expo-google-fonts/pt-serif/400Regular/PTSerif_400Regular.ttf',
  italic: '@expo-google-fonts/pt-serif/400Regular_Italic/PTSerif_400Regular_Italic.ttf',
  bold: '@expo-google-fonts/pt-serif/700Bold/PTSerif_700Bold.ttf',
  boldItalic: '@expo-google-fonts/pt-serif/700Bold_Italic/PTSerif_700Bold_Italic.ttf',
} as const

export type FontStyle = keyof typeof editionFontFiles

let loaded: Record<FontStyle, Buffer> | undefined

/** The font files, read once per process. */
export function editionFonts(): Record<FontStyle, Buffer> {
  if (!loaded) {
    const require = createRequire(import.meta.url)
    const read = (style: FontStyle) => {
      // Next's bundler must leave this to Node: the fonts are files in node_modules (serverExternalPackages).
      const file = require.resolve(/* turbopackIgnore: true */ editionFontFiles[style])
      try {
        return readFileSync(file)
      } catch (error) {
        throw new Error(
          `The PDF font ${file} cannot be read (${String(error)}). Run \`pnpm install\` to restore @expo-google-fonts/pt-serif.`,
        )
      }
    }
    loaded = { regular: read('regular'), italic: read('italic'), bold: read('bold'), boldItalic: read('boldItalic') }
  }
  return loaded
}

/** pdfkit's font engine's view of a font: what pdfkit takes in place of the file's bytes. */
export type FontFace = ReturnType<typeof createFontFace>
let faces: Record<FontStyle, FontFace> | undefined

/**
 * The fonts parsed once per thread. pdfkit parses a font given as bytes again for every document,
 * and reading its tables is most of the time a short edition takes; given the parsed font, each
 * document still makes its own subset, so the bytes are the same (ADR 0013).
 */
export function editionFontFaces(): Record<FontStyle, FontFace> {
  if (!faces) {
    const files = editionFonts()
    const face = (style: FontStyle) => createFontFace(files[style])
    faces = { regular: face('regular'), italic: face('italic'), bold: face('bold'), boldItalic: face('boldItalic') }
  }
  // fontkit keeps each glyph it made, with the characters it was first made for, and pdfkit's
  // ToUnicode map reads them: a glyph first reached through another document's text would print
  // differently. Forget the glyphs (cheap to make again), keep the parsed tables (the slow part).
  for (const face of Object.values(faces)) (face as unknown as { _glyphs: Record<number, unknown> })._glyphs = {}
  return faces
}

export function fontStyle(bold: boolean | undefined, italic: boolean | undefined): FontStyle {
  if (bold) return italic ? 'boldItalic' : 'bold'
  return italic ? 'italic' : 'regular'
}
