import { locales } from '../../data.ts'

export function getStaticPaths() {
  return locales.map((locale) => ({ params: { locale } }))
}

export function GET() {
  return new Response('', { headers: { 'content-type': 'text/plain; charset=utf-8' } })
}
