import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { cmsRoot } from '../../paths.ts'

export type JobRunnerChild = {
  child: ChildProcess
  /** Settles once the child printed "ready"; rejects if it exited first. */
  ready: Promise<void>
  /** The exit code, or the signal that ended it. */
  exited: Promise<string>
  output: () => string
}

/**
 * Starts helpers/jobRunnerChild.ts: Payload's job runner on the test database (the environment
 * startPayload set, plus `env`), to be killed with SIGKILL as a crashed CMS would be.
 */
export function spawnJobRunner(env: Record<string, string> = {}): JobRunnerChild {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(cmsRoot, 'src/__tests__/helpers/jobRunnerChild.ts')],
    {
      cwd: cmsRoot,
      env: { ...process.env, NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  const ready = new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      if (output.includes('ready')) {
        clearInterval(check)
        resolve()
      } else if (child.exitCode !== null || child.signalCode !== null) {
        clearInterval(check)
        reject(new Error(`the job runner exited before it was ready:\n${output}`))
      }
    }, 20)
  })
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(`${code ?? signal}`)))
  return { child, ready, exited, output: () => output }
}
