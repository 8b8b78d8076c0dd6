import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
export const cmsDir = path.join(repoRoot, 'cms')
export const cmsEnvFile = path.join(cmsDir, '.env')
export const systemScripts = path.join(repoRoot, 'scripts/system')
