import { searchIndexPath, sitemapIndexPath } from '@pressroom/shared'
import type { APIRoute } from 'astro'
import { absoluteUrl, href } from '../lib/content.ts'

export const GET: APIRoute = () =>
  new Response(
    [
      'User-agent: *',
      `Disallow: ${href(searchIndexPath())}`,
      'Allow: /',
      '',
      `Sitemap: ${absoluteUrl(sitemapIndexPath())}`,
      '',
    ].join('\n'),
    { headers: { 'content-type': 'text/plain; charset=utf-8' } },
  )
