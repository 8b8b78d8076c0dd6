import path from 'node:path'
import { cmsRoot } from '../../paths.ts'
import { spawnTsxChild, type TsxChild } from './tsxChild.ts'

/** The points where the delivery worker calls its checkpoint hook, in the order a batch passes them. */
export const crashCheckpoints = ['claimed', 'preparing', 'prepared', 'sending', 'answered', 'recorded']

export type CrashWorker = TsxChild & {
  /** Starts the work of a worker spawned with `startOnGo`. */
  go: () => void
}

/**
 * Starts the delivery worker of src/mail/testing/crashWorker.ts in a child process on the test
 * database (the environment startPayload set), SIGKILLing itself at `crashAt` ("answered:2").
 * With `startOnGo` it loads and waits for `go()`: a test starts the next run's worker while the
 * current run recovers, so that no run waits for a process to start.
 */
export function spawnCrashWorker(crashAt?: string, options: { startOnGo?: boolean } = {}): CrashWorker {
  const worker = spawnTsxChild(
    path.join(cmsRoot, 'src/mail/testing/crashWorker.ts'),
    'the worker',
    { MAIL_LEASE_SECONDS: '1', CRASH_AT: crashAt ?? '', START_ON_GO: options.startOnGo ? '1' : '' },
    { stdin: options.startOnGo },
  )
  return { ...worker, go: () => worker.tell('go') }
}

/** A whole number from `min` to `max`, both included. */
export const randomInt = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1))
