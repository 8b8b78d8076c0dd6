import { spawn } from 'node:child_process'
import { createWriteStream } from 'node:fs'

/**
 * PostgreSQL's own client programs (pg_dump, psql), which the backup uses so that a dump is
 * exactly what PostgreSQL itself would restore. Debian: `apt-get install -y postgresql-client`.
 */
export async function runPostgresTool(
  program: 'pg_dump' | 'psql',
  args: string[],
  options: { stdoutFile?: string } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PGCONNECT_TIMEOUT: process.env.PGCONNECT_TIMEOUT ?? '10' },
    })
    let stdout = ''
    let stderr = ''
    if (options.stdoutFile) child.stdout.pipe(createWriteStream(options.stdoutFile))
    else child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new Error(
              `${program} is not installed. Install PostgreSQL's client programs (Debian: apt-get install -y postgresql-client).`,
            )
          : error,
      )
    })
    child.on('close', (code) => {
      if (code === 0) resolve(stdout)
      else reject(new Error(`${program} failed (exit code ${code}): ${stderr.trim() || 'no message'}`))
    })
  })
}

/** One value from a query, through psql (no server-side driver needed). */
export async function psqlValue(url: string, query: string): Promise<string> {
  return (
    await runPostgresTool('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', query])
  ).trim()
}
