/**
 * The shape of cms/src's imports (dependency-cruiser; checked by src/__tests__/import-layers.test.ts
 * in every test run, and by `pnpm --filter @pressroom/cms check:imports`). No import circle, type
 * imports included, and layers, lowest first: a file imports its own layer and those below, never
 * one above.
 *   1. foundations: paths, generated types, secrets, throttle, db (raw SQL, transactions);
 *   2. plumbing every feature uses: access (who may), http, mail (features plug in by injection),
 *      jobs;
 *   3. features: everything not named here (notices, subscriptions, siteBuild, auth, hooks, …);
 *   4. collections and globals: the config's pieces, which bring the features together;
 *   5. entry points: the config, the app's routes, the server, instrumentation, CLIs and tests.
 */
const foundations = '^src/(paths\\.ts|payload-types\\.ts|secrets/|throttle/|db/)'
const plumbing = '^src/(access|http|mail|jobs)/'
const collections = '^src/(collections|globals)/'
// `@payload-config` is the config by its alias (tsconfig's `paths`), as the app's routes import it.
const entryPoints =
  '^(src/(payload\\.config\\.ts|app/|server/|instrumentation\\.ts|testing/|__tests__/|photoMetadata/stripStoredPhotosCli\\.ts)|@payload-config$)'
const ownCode = '^src/'

export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A circle works only while nothing in it is read at load time. Move what both sides need below both.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'foundations-import-foundations',
      severity: 'error',
      comment: 'paths, types, secrets, throttle and db sit below everything: they import nothing else of the CMS.',
      from: { path: foundations },
      to: { path: ownCode, pathNot: foundations },
    },
    {
      name: 'plumbing-imports-no-feature',
      severity: 'error',
      comment:
        'access, http, mail and jobs serve every feature and import none: pass what a feature knows in (as planSend takes a message), or move the shared piece down.',
      from: { path: plumbing },
      to: { path: ownCode, pathNot: [foundations, plumbing] },
    },
    {
      name: 'features-import-no-collection',
      severity: 'error',
      comment: 'Collections assemble features; a feature needing a collection’s list takes it from the feature itself.',
      from: { path: ownCode, pathNot: [foundations, plumbing, collections, entryPoints] },
      to: { path: [collections, entryPoints] },
    },
    {
      name: 'collections-import-no-entry-point',
      severity: 'error',
      comment: 'The config imports the collections, never the other way round.',
      from: { path: collections },
      to: { path: entryPoints },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/migrations/' },
    // Type-only imports count: a type that must come from above is a piece in the wrong layer.
    tsPreCompilationDeps: true,
  },
}
