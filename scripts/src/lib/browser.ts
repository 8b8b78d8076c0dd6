import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { freePort, waitFor } from './processes.ts'

const executablePath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** Nothing that calls home, and no GPU on a headless CI machine. */
const quietFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** Debian's Chromium (or CHROMIUM_PATH), headless, with nothing that calls home. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: executablePath(), args: quietFlags })
}

export type DevtoolsChromium = { port: number; close: () => Promise<void> }

/**
 * The same Chromium, headless, listening for the DevTools protocol on a free loopback port, for
 * tools that drive it themselves (Lighthouse). Playwright's own Chromium cannot be shared: it
 * talks over a pipe and takes over every tab opened in it.
 */
export async function launchDevtoolsChromium(): Promise<DevtoolsChromium> {
  const port = await freePort()
  const profile = mkdtempSync(path.join(os.tmpdir(), 'pressroom-chromium-'))
  const child = spawn(
    executablePath(),
    [
      ...quietFlags,
      '--headless=new',
      `--remote-debugging-port=${port}`,
      '--remote-debugging-address=127.0.0.1',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  )
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
    rmSync(profile, { recursive: true, force: true })
  }
  try {
    await waitFor(
      `Chromium's DevTools port ${port}`,
      async () => {
        if (child.exitCode !== null) throw new Error(`${executablePath()} exited (code ${child.exitCode}).`)
        return fetch(`http://127.0.0.1:${port}/json/version`).then(
          (response) => response.ok,
          () => false,
        )
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    )
  } catch (error) {
    await close()
    throw error
  }
  return { port, close }
}
