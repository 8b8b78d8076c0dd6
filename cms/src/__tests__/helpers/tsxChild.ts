import { type ChildProcess, spawn } from 'node:child_process'
import { cmsRoot } from '../../paths.ts'

export type TsxChild = {
  child: ChildProcess
  /** Settles once the child printed "ready"; rejects if it exited first. */
  ready: Promise<void>
  /** The exit code, or the signal that ended it. */
  exited: Promise<string>
  /** Everything it printed so far. */
  output: () => string
  /** Writes a line to the child's input (started with `stdin: true`). */
  tell: (line: string) => void
}

/**
 * A TypeScript file run in a child process on the test database (the environment startPayload
 * set, plus `env`), for tests that kill it with SIGKILL as a crashed CMS would be killed. The
 * database is ready, so the child runs as production: no schema push.
 */
export function spawnTsxChild(
  script: string,
  name: string,
  env: Record<string, string> = {},
  options: { stdin?: boolean } = {},
): TsxChild {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: cmsRoot,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: [options.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  })
  // A child killed before it read its input must not fail the test with EPIPE.
  child.stdin?.on('error', () => {})
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
        reject(new Error(`${name} exited before it was ready:\n${output}`))
      }
    }, 10)
  })
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(`${code ?? signal}`)))
  const tell = (line: string) => {
    child.stdin?.write(`${line}\n`)
  }
  return { child, ready, exited, output: () => output, tell }
}
