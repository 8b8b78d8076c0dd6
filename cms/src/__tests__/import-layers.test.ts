import path from 'node:path'
import { cruise, type ICruiseResult } from 'dependency-cruiser'
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options'
import { describe, expect, it } from 'vitest'
import { cmsRoot } from '../paths.ts'

/**
 * The shape of cms/src's imports, by the rules in cms/.dependency-cruiser.mjs: no circle, and no
 * import from a lower layer up (db and throttle below access, http, mail and jobs, below the
 * features, below the collections, below the entry points). No database is involved, so the
 * PostgreSQL run (TEST_DATABASE=postgres) leaves it to the SQLite one.
 */
describe.skipIf(process.env.TEST_DATABASE === 'postgres')("cms/src's imports", () => {
  it('make no circle and never reach up a layer', async () => {
    const options = await extractDepcruiseOptions(path.join(cmsRoot, '.dependency-cruiser.mjs'))
    const { output } = await cruise(['src'], { ...options, baseDir: cmsRoot })
    const result = output as ICruiseResult

    // The cruise read the tree: the config's own imports resolved to files.
    expect(result.summary.totalCruised).toBeGreaterThan(300)
    const config = result.modules.find((module) => module.source === 'src/payload.config.ts')
    expect(config?.dependencies.map((dependency) => dependency.resolved)).toContain('src/collections/Notices.ts')

    const broken = result.summary.violations.map((violation) => {
      const route = violation.cycle?.length
        ? [violation.from, ...violation.cycle.map((step) => step.name)]
        : [violation.from, violation.to]
      return `${violation.rule.name}: ${route.join(' → ')}`
    })
    expect(broken).toEqual([])
  })
})
