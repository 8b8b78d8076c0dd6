import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process'
import { createServer } from 'node:net'

/** Runs a command to completion, streaming its output; rejects with the command in the message. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (code === 0) resolve()
      else reject(new Error(`\`${command} ${args.join(' ')}\` failed (${signal ?? `exit ${code}`})`))
    })
  })
}

export type SideBySideCommand = {
  name: string
  command: string
  args: string[]
  options?: SpawnOptions
  /** Runs in the same lane once this command has succeeded (one lane = one line of work). */
  next?: SideBySideCommand
}

/**
 * Runs commands side by side, each with its output held back and printed whole when it ends, so
 * that the logs of two test runs never interleave. A command's `next` follows it in its lane.
 * Waits for every lane; rejects naming every command that failed.
 */
export async function runSideBySide(commands: SideBySideCommand[]): Promise<void> {
  const lane = async (entry: SideBySideCommand): Promise<string[]> => {
    const failure = await runHeldBack(entry)
    if (failure) return [`${entry.name} (${failure})`]
    return entry.next ? lane(entry.next) : []
  }
  const failed = (await Promise.all(commands.map(lane))).flat()
  if (failed.length > 0) throw new Error(`failed: ${failed.join('; ')}`)
}

/** One command with its output held back; resolves with why it failed, or undefined. */
function runHeldBack({ name, command, args, options }: SideBySideCommand): Promise<string | undefined> {
  return new Promise((resolve) => {
    const started = Date.now()
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
    const chunks: Buffer[] = []
    child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk))
    const finish = (failure?: string) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      process.stdout.write(`\n--- ${name} (${seconds} s${failure ? `, ${failure}` : ''})\n`)
      process.stdout.write(Buffer.concat(chunks))
      resolve(failure)
    }
    child.on('error', (error) => finish(error.message))
    child.on('exit', (code, signal) => finish(code === 0 ? undefined : (signal ?? `exit ${code}`)))
  })
}

/** Runs a command and returns its standard output. */
export function capture(command: string, args: string[], options: SpawnOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], ...options })
    let out = ''
    child.stdout?.on('data', (chunk) => {
      out += chunk
    })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve(out.trim()) : reject(new Error(`\`${command} ${args.join(' ')}\` failed (exit ${code})`)),
    )
  })
}

/** Polls a URL until it answers (any status below 500) or the time is up. */
export async function waitForHttp(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    if (child && child.exitCode !== null)
      throw new Error(`the server exited (code ${child.exitCode}) before ${url} answered`)
    try {
      const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5000) })
      if (res.status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s`)
}

/** A TCP port free on loopback right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/**
 * Calls `probe` until it gives something truthy, and returns that; throws once `timeoutMs` has
 * passed, naming `what` it waited for.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  { timeoutMs = 60_000, intervalMs = 250 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}
