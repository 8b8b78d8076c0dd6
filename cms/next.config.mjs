import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { withPayload } from '@payloadcms/next/withPayload'

const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** @type {import('next').NextConfig} */
const nextConfig = {
  // In a pnpm workspace Turbopack must see the workspace root to resolve hoisted packages.
  turbopack: { root: workspaceRoot },
  outputFileTracingRoot: workspaceRoot,
  transpilePackages: ['@pressroom/shared'],
  // pdfkit and the PDF fonts are files read at run time; the bundler must not try to pack them.
  // rate-limiter-flexible loads drizzle-orm with an import the bundler cannot follow (docs/adr/0027).
  serverExternalPackages: ['pdfkit', '@expo-google-fonts/pt-serif', 'rate-limiter-flexible'],
  poweredByHeader: false,
  // `pnpm test` type-checks the whole workspace with tsc; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  async redirects() {
    return [{ source: '/', destination: '/admin', permanent: false }]
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
