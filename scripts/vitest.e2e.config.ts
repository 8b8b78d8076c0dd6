import { defineConfig } from 'vitest/config'

/** End-to-end tests against the built, started CMS; `pnpm test` runs them after `next build`. */
export default defineConfig({
  // The CMS's own tsconfig keeps JSX for Next ("preserve"): modules it imports (e-mail templates) need it compiled here.
  oxc: { jsx: { runtime: 'automatic' } },
  test: {
    include: ['src/__tests__/**/*.e2e.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
})
