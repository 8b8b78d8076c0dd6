import { type ChildProcess, spawn } from 'node:child_process'
import { cmsDir, cmsServerArgs } from '../lib/paths.ts'
import { waitForHttp } from '../lib/processes.ts'

export type CmsServer = { url: string; stop: () => Promise<void> }

async function portAnswers(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) })
    return true
  } catch {
    return false
  }
}

async function waitForPortFree(port: number) {
  for (let i = 0; i < 100 && (await portAnswers(port)); i++) await new Promise((resolve) => setTimeout(resolve, 100))
}

/**
 * The built CMS (its own server, as `./pressroom start` runs it) on the benchmark's database (from
 * the environment, or `databaseUrl`), ready to answer.
 */
export async function startCmsServer(port: number, databaseUrl?: string): Promise<CmsServer> {
  // An older server still on the port would answer in place of this one, with other data.
  if (await portAnswers(port)) throw new Error(`Port ${port} is already in use; set BENCH_PORT to a free one.`)
  const server: ChildProcess = spawn(process.execPath, cmsServerArgs(port), {
    cwd: cmsDir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: databaseUrl ? { ...process.env, DATABASE_URL: databaseUrl } : process.env,
    // Its own process group: the server must stop with everything it started.
    detached: true,
  })
  const stop = async () => {
    if (server.exitCode !== null || server.signalCode !== null || !server.pid) return
    const exited = new Promise((resolve) => server.once('exit', resolve))
    process.kill(-server.pid, 'SIGTERM')
    await exited
    await waitForPortFree(port)
  }
  const url = `http://127.0.0.1:${port}`
  try {
    await waitForHttp(`${url}/admin/login`, 120_000, server)
  } catch (error) {
    await stop()
    throw error
  }
  return { url, stop }
}
