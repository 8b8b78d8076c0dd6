import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { extract } from 'tar'
import { databaseKind } from '../db/adapter.ts'
import { countTables, loadDatabase } from './databaseLoad.ts'
import type { Install } from './install.ts'
import { BackupRefused, type Manifest, manifestName, storeNames } from './manifest.ts'
import { compareFiles, verifyArchive } from './readArchive.ts'
import { openSecrets } from './secrets.ts'
import { describeFiles, filesUnder } from './tree.ts'

export type RestoreOptions = {
  /** Replace an install that already has data. */
  force?: boolean
  /** Also restore cms/.env from the archive's encrypted secrets, opened with this passphrase. */
  passphrase?: string | null
  log?: (message: string) => void
}

/**
 * Restores an archive into an install. Order matters: the whole archive is checked against its
 * manifest first; an install that has data is refused without `force`; the archive is unpacked
 * into a temporary folder beside the uploads and checked again there; only then is anything
 * replaced (database, then the stored folders, each by a rename). A refusal changes nothing.
 */
export async function restoreBackup(
  archive: string,
  install: Install,
  options: RestoreOptions = {},
): Promise<Manifest> {
  const log = options.log ?? (() => {})
  const manifest = await verifyArchive(archive)
  log(`${archive}: every file matches its manifest (made ${manifest.createdAt} by ${manifest.versions.gitCommit})`)
  if (manifest.database.kind !== databaseKind(install.databaseUrl)) {
    throw new BackupRefused(
      `This backup holds a ${manifest.database.kind} database but DATABASE_URL names a ${databaseKind(install.databaseUrl)} one. ` +
        'Point DATABASE_URL at the same kind of database. Nothing was changed.',
    )
  }
  if (options.passphrase && !manifest.secrets) {
    throw new BackupRefused('--with-secrets: this backup was made without secrets. Nothing was changed.')
  }
  const existing = await existingData(install, Boolean(options.passphrase))
  if (existing.length > 0 && !options.force) {
    throw new BackupRefused(
      `The install already has data:\n  ${existing.join('\n  ')}\n` +
        'Nothing was changed. Restore into an empty install, or add --force to replace it (stop the CMS first).',
    )
  }

  const parent = path.dirname(install.stores.uploads)
  await mkdir(parent, { recursive: true })
  const staging = await mkdtemp(path.join(parent, '.pressroom-restore-'))
  try {
    await extract({ file: archive, cwd: staging, strict: true })
    const problems = compareFiles(
      manifest.files,
      new Map((await describeFiles(staging, new Set([manifestName]))).map((f) => [f.path, f])),
    )
    if (problems.length > 0) {
      throw new BackupRefused(
        `${archive} changed while it was being restored:\n  ${problems.join('\n  ')}\nNothing was changed.`,
      )
    }
    const secrets =
      options.passphrase && manifest.secrets
        ? await openSecrets(await readFile(path.join(staging, manifest.secrets.file), 'utf8'), options.passphrase)
        : null

    await loadDatabase(install.databaseUrl, path.join(staging, manifest.database.file))
    log(`database restored (${manifest.database.kind})`)
    for (const name of storeNames) {
      await replaceFolder(path.join(staging, name), install.stores[name])
      log(`${name}: ${(await filesUnder(install.stores[name])).length} files in ${install.stores[name]}`)
    }
    if (secrets) {
      await writeFile(`${install.envFile}.restoring`, secrets, { mode: 0o600 })
      await rename(`${install.envFile}.restoring`, install.envFile)
      log(`secrets: ${install.envFile} restored`)
    }
    return manifest
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}

/** What a restore would replace, one line each; empty for an empty install. */
async function existingData(install: Install, withSecrets: boolean): Promise<string[]> {
  const found: string[] = []
  const tables = await countTables(install.databaseUrl)
  if (tables > 0) found.push(`the database has ${tables} tables (${redact(install.databaseUrl)})`)
  for (const name of storeNames) {
    const files = (await filesUnder(install.stores[name])).length
    if (files > 0) found.push(`${install.stores[name]} has ${files} files (${name})`)
  }
  if (withSecrets && existsSync(install.envFile)) found.push(`${install.envFile} exists`)
  return found
}

/** `to` becomes what `from` holds (renamed into place when on the same file system). */
async function replaceFolder(from: string, to: string): Promise<void> {
  const old = `${to}.replaced-${Date.now()}`
  if (existsSync(to)) await rename(to, old)
  await mkdir(path.dirname(to), { recursive: true })
  try {
    await rename(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    await cp(from, to, { recursive: true })
  }
  await rm(old, { recursive: true, force: true })
}

const redact = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')
