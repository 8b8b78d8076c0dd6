// A stand-in for `astro build` with the same contract: reads the CMS anonymously at $CMS_URL and
// writes a static site to $SITE_OUT_DIR. Test knobs: STAND_IN_FAIL (exit 1 after a long log),
// STAND_IN_DELAY_MS, STAND_IN_LOCK (a file that exists only while a build runs: a second build
// running at the same time fails), STAND_IN_RECORD (a file each build appends its output dir to),
// STAND_IN_HOLD (a file: the build does not finish before it exists, at most 30 s).
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const env = process.env
const out = env.SITE_OUT_DIR
if (!out) {
  console.error('SITE_OUT_DIR is not set')
  process.exit(2)
}
if (env.STAND_IN_LOCK) {
  try {
    closeSync(openSync(env.STAND_IN_LOCK, 'wx'))
  } catch {
    console.error('Another build is running at the same time.')
    process.exit(3)
  }
}
try {
  console.log(`Building ${env.SITE_URL}${env.SITE_BASE} from ${env.CMS_URL}`)
  const response = await fetch(`${env.CMS_URL}/api/globals/site-settings?locale=en`)
  if (!response.ok) throw new Error(`The CMS answered ${response.status}`)
  const settings = await response.json()
  await new Promise((resolve) => setTimeout(resolve, Number(env.STAND_IN_DELAY_MS ?? 0)))
  for (const end = Date.now() + 30_000; env.STAND_IN_HOLD && !existsSync(env.STAND_IN_HOLD) && Date.now() < end; ) {
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  if (env.STAND_IN_FAIL) {
    // Output to a pipe is queued: wait until it is written, so the error really comes last.
    let lines = ''
    for (let line = 1; line <= 2000; line++) lines += `building page ${line} of 2000\n`
    await new Promise((resolve) => process.stdout.write(lines, resolve))
    console.error('Error: the stand-in build failed on purpose.')
    process.exitCode = 1
  } else {
    for (const lang of ['en', 'ru']) {
      mkdirSync(path.join(out, lang, '404'), { recursive: true })
      writeFileSync(path.join(out, lang, 'index.html'), `<h1>${settings.organizationName}</h1>`)
      writeFileSync(path.join(out, lang, '404', 'index.html'), `<h1>${lang} not found</h1>`)
    }
    writeFileSync(path.join(out, '404.html'), '<h1>Not found / Не найдено</h1>')
    console.log('Built 5 pages.')
  }
  if (env.STAND_IN_RECORD) appendFileSync(env.STAND_IN_RECORD, `${out}\n`)
} finally {
  if (env.STAND_IN_LOCK) rmSync(env.STAND_IN_LOCK, { force: true })
}
