import path from 'node:path'
import { cmsRoot } from '../../paths.ts'
import { spawnTsxChild, type TsxChild } from './tsxChild.ts'

export type JobRunnerChild = TsxChild

/**
 * Starts helpers/jobRunnerChild.ts: Payload's job runner on the test database (the environment
 * startPayload set, plus `env`), to be killed with SIGKILL as a crashed CMS would be.
 */
export function spawnJobRunner(env: Record<string, string> = {}): JobRunnerChild {
  return spawnTsxChild(path.join(cmsRoot, 'src/__tests__/helpers/jobRunnerChild.ts'), 'the job runner', env)
}
