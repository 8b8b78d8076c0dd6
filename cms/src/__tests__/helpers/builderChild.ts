/**
 * A site builder in a process of its own, standing in for a CMS that a test kills in the middle
 * of a build. BUILDER_OPTIONS holds the builder's options as JSON; it prints "building" first.
 */
import { createSiteBuilder, type SiteBuilderOptions } from '../../siteBuild/builder.ts'

const options = JSON.parse(process.env.BUILDER_OPTIONS ?? '{}') as SiteBuilderOptions
process.stdout.write('building\n')
const result = await createSiteBuilder(options).build()
process.stdout.write(`${JSON.stringify(result)}\n`)
