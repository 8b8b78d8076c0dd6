import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { cmsDir } from '../lib/paths.ts'
import { waitForHttp } from '../lib/processes.ts'

export type CmsServer = { url: string; stop: () => Promise<void> }

/** The built CMS (`next start`) on the benchmark's database (from the environment), ready to answer. */
export async function startCmsServer(port: number): Promise<CmsServer> {
  const server: ChildProcess = spawn(path.join(cmsDir, 'node_modules/.bin/next'), ['start', '--port', String(port)], {
    cwd: cmsDir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: process.env,
  })
  const stop = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return
    const exited = new Promise((resolve) => server.once('exit', resolve))
    server.kill('SIGTERM')
    await exited
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
