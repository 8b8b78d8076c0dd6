import { type ChildProcess, type StdioOptions, spawn } from 'node:child_process'
import { type Env, loadCmsEnv, loadSiteEnv } from './env.ts'
import { cmsDir, cmsServerArgs } from './paths.ts'
import { waitForHttp } from './processes.ts'

/**
 * The environment `pnpm start` gives the CMS server: `base` (the caller's environment) completed
 * from cms/.env (PORT too) and with the site build's absolute paths. start.ts prepares its own environment
 * this way; the crash test prepares the restarted server's.
 */
export function cmsServerEnv(base: Env = process.env): Env {
  loadCmsEnv(base)
  // The CMS's own URL puts Payload's CSRF and CORS lists in force (docs/adr/0033).
  base.CMS_URL ||= `http://localhost:${base.PORT ?? 3000}`
  loadSiteEnv(Number(base.PORT ?? 3000), base)
  return base
}

/**
 * The built CMS served by its own server (cms/src/server/main.ts, which tells it each request's
 * client address), as `pnpm start` serves it (scripts/src/start.ts). The crash test kills this
 * server and starts it again with the same call.
 */
export function spawnCmsServer(port: number, options: { env?: Env; stdio?: StdioOptions } = {}): ChildProcess {
  const env: Env = { ...(options.env ?? process.env), NEXT_TELEMETRY_DISABLED: '1' }
  return spawn(process.execPath, cmsServerArgs(port), {
    cwd: cmsDir,
    stdio: options.stdio ?? 'inherit',
    env: env as unknown as NodeJS.ProcessEnv,
  })
}

/** Resolves once the server answers (its admin login page); rejects if it exits first. */
export const waitForCmsServer = (port: number, server: ChildProcess, timeoutMs = 120_000) =>
  waitForHttp(`http://127.0.0.1:${port}/admin/login`, timeoutMs, server)
