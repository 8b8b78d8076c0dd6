import path from 'node:path'
import { cmsRoot, repoRoot } from '@pressroom/cms/paths'

export { repoRoot }
export const cmsDir = cmsRoot
export const cmsEnvFile = path.join(cmsDir, '.env')
export const systemScripts = path.join(repoRoot, 'scripts/system')
