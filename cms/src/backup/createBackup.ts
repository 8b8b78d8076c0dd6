import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { create } from 'tar'
import { copyDatabase } from './databaseCopy.ts'
import type { Install } from './install.ts'
import { backupFormat, backupFormatVersion, type Manifest, manifestName, storeNames } from './manifest.ts'
import { verifyArchive } from './readArchive.ts'
import { sealSecrets } from './secrets.ts'
import { copyTree, describeFiles } from './tree.ts'
import { currentVersions } from './versions.ts'

export type BackupOptions = {
  /** The archive to write (`.tar.gz`); its folder is created. */
  archive: string
  /** Set to add cms/.env, encrypted with this passphrase (--with-secrets). */
  passphrase?: string | null
  /** `backup` for the command, `before-schema-push` when the start takes one by itself. */
  reason?: string
  log?: (message: string) => void
}

export type BackupResult = { archive: string; manifest: Manifest; bytes: number }

/**
 * One archive of an install, taken while the CMS may be running: a consistent copy of the
 * database, every stored file, a manifest with versions and a checksum per file, and cms/.env
 * only when a passphrase is given. The archive is written under a temporary name, read back
 * against its manifest, and only then given its name: a file with that name is always whole.
 */
export async function createBackup(install: Install, options: BackupOptions): Promise<BackupResult> {
  const log = options.log ?? (() => {})
  const archive = path.resolve(options.archive)
  await mkdir(path.dirname(archive), { recursive: true })
  const staging = await mkdtemp(path.join(path.dirname(archive), '.pressroom-backup-'))
  const partial = `${archive}.partial`
  try {
    const database = await copyDatabase(install.databaseUrl, path.join(staging, 'database'))
    log(`database copied (${database.kind}, ${database.tool})`)
    for (const name of storeNames) {
      const copied = await copyTree(install.stores[name], path.join(staging, name))
      log(`${name}: ${copied} files from ${install.stores[name]}`)
    }
    let secrets: Manifest['secrets'] = null
    if (options.passphrase) {
      const plain = await readFile(install.envFile).catch(() => {
        throw new Error(`--with-secrets: there is no ${install.envFile} to back up.`)
      })
      await mkdir(path.join(staging, 'secrets'), { recursive: true })
      await writeFile(path.join(staging, 'secrets/cms.env.enc'), await sealSecrets(plain, options.passphrase))
      secrets = { file: 'secrets/cms.env.enc', cipher: 'aes-256-gcm', kdf: 'scrypt' }
      log('secrets: cms/.env, encrypted')
    }
    const manifest: Manifest = {
      format: backupFormat,
      formatVersion: backupFormatVersion,
      createdAt: new Date().toISOString(),
      reason: options.reason ?? 'backup',
      versions: currentVersions(),
      database,
      secrets,
      files: await describeFiles(staging),
    }
    await writeFile(path.join(staging, manifestName), `${JSON.stringify(manifest, null, 2)}\n`)
    const parts = [manifestName, 'database', ...storeNames, ...(secrets ? ['secrets'] : [])]
    await mkdir(path.join(staging, 'uploads'), { recursive: true })
    await mkdir(path.join(staging, 'outbox'), { recursive: true })
    await create({ file: partial, cwd: staging, gzip: true, portable: true }, parts)
    await verifyArchive(partial)
    await rename(partial, archive)
    return { archive, manifest, bytes: (await stat(archive)).size }
  } finally {
    await rm(staging, { recursive: true, force: true })
    await rm(partial, { force: true })
  }
}
