import type { APIRoute } from 'astro'
import { absoluteUrl, href } from '../lib/content.ts'

export const GET: APIRoute = () =>
  new Response(
    [
      'User-agent: *',
      `Disallow: ${href('/pagefind/')}`,
      'Allow: /',
      '',
      `Sitemap: ${absoluteUrl('/sitemap-index.xml')}`,
      '',
    ].join('\n'),
    { headers: { 'content-type': 'text/plain; charset=utf-8' } },
  )
