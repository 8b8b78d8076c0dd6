import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { cmsRoot } from '../../paths.ts'

/** The points where the delivery worker calls its checkpoint hook, in the order a batch passes them. */
export const crashCheckpoints = ['claimed', 'preparing', 'prepared', 'sending', 'answered', 'recorded']

export type CrashWorker = {
  child: ChildProcess
  /** Settles once the child printed "ready"; rejects if it exited first. */
  ready: Promise<void>
  /** The exit code, or the signal that ended it. */
  exited: Promise<string>
}

/**
 * Starts the delivery worker of src/mail/testing/crashWorker.ts in a child process on the test
 * database (the environment startPayload set), SIGKILLing itself at `crashAt` ("answered:2").
 */
export function spawnCrashWorker(crashAt?: string): CrashWorker {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(cmsRoot, 'src/mail/testing/crashWorker.ts')], {
    cwd: cmsRoot,
    env: {
      ...process.env,
      // The database is ready: no schema push in the child.
      NODE_ENV: 'production',
      MAIL_LEASE_SECONDS: '1',
      CRASH_AT: crashAt ?? '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
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
        reject(new Error(`worker exited before it was ready:\n${output}`))
      }
    }, 10)
  })
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(`${code ?? signal}`)))
  return { child, ready, exited }
}

/** A whole number from `min` to `max`, both included. */
export const randomInt = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1))
