import { defineConfig } from 'vitest/config'

/** Unit tests of the orchestration helpers; the end-to-end tests have their own config. */
export default defineConfig({
  test: {
    include: ['src/**/__tests__/**/*.test.ts'],
    exclude: ['**/*.e2e.test.ts', '**/node_modules/**'],
    environment: 'node',
  },
})
