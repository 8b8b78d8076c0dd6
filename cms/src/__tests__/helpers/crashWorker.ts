import path from 'node:path'
import { cmsRoot } from '../../paths.ts'
import { spawnTsxChild, type TsxChild } from './tsxChild.ts'

/** The points where the delivery worker calls its checkpoint hook, in the order a batch passes them. */
export const crashCheckpoints = ['claimed', 'preparing', 'prepared', 'sending', 'answered', 'recorded']

export type CrashWorker = TsxChild

/**
 * Starts the delivery worker of src/mail/testing/crashWorker.ts in a child process on the test
 * database (the environment startPayload set), SIGKILLing itself at `crashAt` ("answered:2").
 */
export function spawnCrashWorker(crashAt?: string): CrashWorker {
  return spawnTsxChild(path.join(cmsRoot, 'src/mail/testing/crashWorker.ts'), 'the worker', {
    MAIL_LEASE_SECONDS: '1',
    CRASH_AT: crashAt ?? '',
  })
}

/** A whole number from `min` to `max`, both included. */
export const randomInt = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1))
