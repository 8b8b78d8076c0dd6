import { prepareAndSeed } from './lib/cms.ts'
import { loadCmsEnv } from './lib/env.ts'

/** `pnpm seed`: prepare the database and add the starting content, without starting the CMS. */
loadCmsEnv()
const result = await prepareAndSeed()
for (const item of result.created) console.log(`seeded ${item}`)
if (result.created.length === 0) console.log('already seeded: nothing to add')
if (result.admin.generatedPassword) {
  console.log(`admin login: ${result.admin.email} / ${result.admin.generatedPassword} (shown only this once)`)
}
process.exit(0)
