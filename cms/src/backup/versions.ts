import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { cmsRoot, repoRoot } from '../paths.ts'
import type { Manifest } from './manifest.ts'

/** What made this backup: the press room's version and commit, Node and Payload. */
export function currentVersions(): Manifest['versions'] {
  const version = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
  let gitCommit = 'unknown (not a git checkout)'
  try {
    gitCommit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim()
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).toString()
    if (dirty.trim()) gitCommit += ' (with uncommitted changes)'
  } catch {
    // A release unpacked without git: the version above still says which one.
  }
  return {
    app: version(path.join(repoRoot, 'package.json')),
    gitCommit,
    node: process.version,
    payload: version(path.join(cmsRoot, 'node_modules/payload/package.json')),
  }
}
