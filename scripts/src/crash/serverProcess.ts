import { readdirSync, readFileSync, readlinkSync } from 'node:fs'

/**
 * The process listening on a TCP port of this machine: the real CMS server (the node
 * process of src/server/main.ts), found through /proc the way `ss -ltnp` finds it, whatever wrappers started it.
 */
export function listeningPid(port: number): number | undefined {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0')
  const inodes = new Set<string>()
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let lines: string[] = []
    try {
      lines = readFileSync(table, 'utf8').split('\n').slice(1)
    } catch {
      continue
    }
    for (const line of lines) {
      const fields = line.trim().split(/\s+/)
      // local_address is "ADDR:PORT"; state 0A is LISTEN; the inode is the tenth field.
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A' && fields[9]) inodes.add(fields[9])
    }
  }
  if (inodes.size === 0) return undefined
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let fds: string[]
    try {
      fds = readdirSync(`/proc/${entry}/fd`)
    } catch {
      continue
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${entry}/fd/${fd}`)
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1]
        if (inode && inodes.has(inode)) return Number(entry)
      } catch {
        // the descriptor closed meanwhile
      }
    }
  }
  return undefined
}

export const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** The command line of a process, for the test's log (e.g. "next-server (v16.4.6)"). */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ')
  } catch {
    return '(gone)'
  }
}

/** SIGKILLs a process, as a power cut or the out-of-memory killer would, and waits until it is gone. */
export async function killHard(pid: number, timeoutMs = 10_000): Promise<void> {
  process.kill(pid, 'SIGKILL')
  const end = Date.now() + timeoutMs
  while (isAlive(pid)) {
    // A zombie is gone for our purpose: it holds no port, no lock and runs no code.
    if (/\) Z /.test(readStat(pid))) return
    if (Date.now() > end) throw new Error(`Process ${pid} still runs ${timeoutMs / 1000} s after SIGKILL.`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

function readStat(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch {
    return ''
  }
}
