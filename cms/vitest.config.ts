import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default defineConfig({
  // tsconfig keeps JSX for Next (`preserve`); tests compile it with React's automatic runtime.
  oxc: { jsx: { runtime: 'automatic' } },
  // As tsconfig's `paths`: tests load the app's own route handlers (src/__tests__/helpers/appRouter.ts).
  resolve: { alias: { '@payload-config': path.resolve(dirname, 'src/payload.config.ts') } },
  test: {
    include: ['src/**/__tests__/**/*.test.ts'],
    environment: 'node',
    // On SQLite, the schema pushed once per run into a template that each file copies (docs/adr/0050).
    globalSetup: ['src/testing/sqliteTemplateSetup.ts'],
    pool: 'forks',
    // Each file starts its own Payload on its own database; two at a time fit two cores.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
})
