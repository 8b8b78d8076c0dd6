/** A download: the browser saves it as `filename` and nothing keeps a copy. */
export function attachment(body: BodyInit, type: string, filename: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  })
}

/** Today's date (UTC) for a download's file name. */
export const today = () => new Date().toISOString().slice(0, 10)
