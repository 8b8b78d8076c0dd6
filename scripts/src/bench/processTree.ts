import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

export type MeasuredRun = {
  seconds: number
  /** Highest sum of the resident set sizes of the process and all its descendants, sampled every ~100 ms. */
  peakRssBytes: number
  /** Standard output and error, interleaved. */
  output: string
}

/** Parent pid of every process on the machine, from /proc/<pid>/stat. */
function parents(): Map<number, number> {
  const map = new Map<number, number>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      // The command name is in parentheses and may hold spaces: the fields after it are fixed.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      map.set(Number(name), Number(fields[1]))
    } catch {
      // the process ended while we looked
    }
  }
  return map
}

function rssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) * 1024 : 0
  } catch {
    return 0
  }
}

/** The summed RSS of a process and its descendants now. Shared pages are counted once per process. */
export function treeRssBytes(root: number): number {
  const children = new Map<number, number[]>()
  for (const [pid, parent] of parents()) children.set(parent, [...(children.get(parent) ?? []), pid])
  let total = 0
  const queue = [root]
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    total += rssBytes(pid)
    queue.push(...(children.get(pid) ?? []))
  }
  return total
}

/**
 * Runs a command to completion and measures its wall time and the peak memory of its whole
 * process tree. Linux only (/proc); rejects with the end of its output when it fails.
 */
export function runMeasured(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; sampleMs?: number },
): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const collect = (chunk: Buffer) => {
      output += chunk.toString()
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    let peakRssBytes = 0
    const sample = () => {
      if (child.pid !== undefined && child.exitCode === null)
        peakRssBytes = Math.max(peakRssBytes, treeRssBytes(child.pid))
    }
    const timer = setInterval(sample, options.sampleMs ?? 100)
    child.on('error', (error) => {
      clearInterval(timer)
      reject(error)
    })
    child.on('exit', (code, signal) => {
      clearInterval(timer)
      const seconds = (performance.now() - started) / 1000
      if (code === 0) resolve({ seconds, peakRssBytes, output })
      else
        reject(
          new Error(
            `\`${command} ${args.join(' ')}\` in ${options.cwd} failed (${signal ?? `exit ${code}`}):\n${output.slice(-4000)}`,
          ),
        )
    })
  })
}
