import { writeFileSync } from 'node:fs'
import { readdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'

/**
 * A site build runs in its own process group (so a timeout stops all of it), which also means it
 * outlives a CMS killed in the middle of it: it keeps building into its release directory, and
 * the build that takes its job over (docs/adr/0026) would run beside it, with twice the memory.
 * Each running build leaves a marker naming its process group and the CMS process that owns it;
 * the next build stops the builds whose owner is gone and deletes their half-written releases.
 */
type Marker = { release: string; group: number; owner: number }

export const buildingMarkerSuffix = '.building.json'
const markerSuffix = buildingMarkerSuffix
/** The release a marker file's name is for. */
export const releaseOfMarker = (name: string) => name.slice(0, -markerSuffix.length)
const markerFile = (releasesDir: string, release: string) => path.join(releasesDir, `${release}${markerSuffix}`)

/**
 * Written at once when the build starts and removed before its release can go live, so a release
 * that went live never has a marker (and is never taken for an orphan's).
 */
export function recordBuildProcess(releasesDir: string, release: string, group: number): void {
  const marker: Marker = { release, group, owner: process.pid }
  try {
    writeFileSync(markerFile(releasesDir, release), JSON.stringify(marker))
  } catch {
    // Without a marker an orphan of this build would only run to its end, as before.
  }
}

export async function forgetBuildProcess(releasesDir: string, release: string): Promise<void> {
  await rm(markerFile(releasesDir, release), { force: true })
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Whether the process group still runs this very build (a reused process number does not). */
async function stillBuilding(marker: Marker, outDir: string): Promise<boolean> {
  try {
    const environ = await readFile(`/proc/${marker.group}/environ`, 'utf8')
    return environ.split('\0').includes(`SITE_OUT_DIR=${outDir}`)
  } catch {
    return false
  }
}

/** Stops the builds whose CMS process is gone and deletes what they wrote; returns their releases. */
export async function stopOrphanedBuilds(releasesDir: string, log: (message: string) => void): Promise<string[]> {
  let names: string[]
  try {
    names = (await readdir(releasesDir)).filter((name) => name.endsWith(markerSuffix))
  } catch {
    return []
  }
  const stopped: string[] = []
  for (const name of names) {
    let marker: Marker
    try {
      marker = JSON.parse(await readFile(path.join(releasesDir, name), 'utf8')) as Marker
    } catch {
      continue
    }
    if (marker.owner === process.pid || alive(marker.owner)) continue
    const outDir = path.join(releasesDir, marker.release)
    if (await stillBuilding(marker, outDir)) {
      try {
        process.kill(-marker.group, 'SIGKILL')
      } catch {
        // it ended meanwhile
      }
    }
    await rm(outDir, { recursive: true, force: true })
    await forgetBuildProcess(releasesDir, marker.release)
    stopped.push(marker.release)
    log(`Site build ${marker.release} was left by a CMS process that stopped; stopped and removed`)
  }
  return stopped
}
