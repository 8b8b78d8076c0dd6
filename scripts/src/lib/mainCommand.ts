import { type ChildProcess, spawn } from 'node:child_process'
import { repoRoot } from './paths.ts'

export const readyBanner = 'Press room CMS is ready'

export type RunningMainCommand = {
  /** `pnpm start` itself (its own process group). */
  child: ChildProcess
  /** Everything the command printed so far. */
  output: () => string
  /** Milliseconds from spawning `pnpm start` to its ready banner. */
  readyAfterMs: number
  stop: () => Promise<void>
}

/** Runs the README's main command (`pnpm start`) as a newcomer would and waits until it is ready. */
export async function startMainCommand(env: Record<string, string>, timeoutMs = 240_000): Promise<RunningMainCommand> {
  const started = performance.now()
  const child = spawn('pnpm', ['start'], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    process.kill(-child.pid, 'SIGTERM')
    await exited
  }
  const deadline = started + timeoutMs
  while (!output.includes(readyBanner)) {
    if (child.exitCode !== null)
      throw new Error(`pnpm start exited (code ${child.exitCode}) before it was ready:\n${output}`)
    if (performance.now() > deadline) {
      await stop()
      throw new Error(`pnpm start was not ready within ${timeoutMs / 1000} s:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return { child, output: () => output, readyAfterMs: performance.now() - started, stop }
}
