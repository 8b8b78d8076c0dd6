import { defineConfig } from 'vitest/config'

export default defineConfig({
  // tsconfig keeps JSX for Next (`preserve`); tests compile it with React's automatic runtime.
  oxc: { jsx: { runtime: 'automatic' } },
  test: {
    include: ['src/**/__tests__/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Each file starts its own Payload on its own database; two at a time fit two cores.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
})
