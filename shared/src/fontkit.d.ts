/** The little of fontkit 2 (pdfkit's font engine, no published types) that the PDF editions use. */
declare module 'fontkit' {
  /** A parsed font; pdfkit's `registerFont` takes one in place of the file's bytes. */
  export type Font = { postscriptName: string; layout(text: string): unknown }
  export function create(buffer: Uint8Array, postscriptName?: string): Font
}
