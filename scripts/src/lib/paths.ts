import path from 'node:path'
import { cmsRoot, repoRoot } from '@pressroom/cms/paths'

export { repoRoot }
export const cmsDir = cmsRoot
export const cmsEnvFile = path.join(cmsDir, '.env')
export const systemScripts = path.join(repoRoot, 'scripts/system')

/**
 * How to start the built CMS: its own server (cms/src/server/main.ts) rather than `next start`,
 * so that client addresses are known (docs/adr/0027). Run with this Node.
 */
export const cmsServerArgs = (port: number) => [path.join(cmsDir, 'src/server/main.ts'), '--port', String(port)]
