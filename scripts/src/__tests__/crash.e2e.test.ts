import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CrashDatabase, type CrashRoom, startCrashRoom } from '../crash/crashRoom.ts'
import {
  describeInterrupted,
  type Interrupted,
  observeInterrupted,
  phaseSpanMs,
  phases,
  reachPhase,
} from '../crash/phases.ts'
import { crashSeed, seededRandom } from '../crash/random.ts'
import { mailProblems, siteProblems, waitForRecovery } from '../crash/recovery.ts'
import { type Audience, planDispatch, prepareAudience, startWork, subscribe } from '../crash/workload.ts'

/**
 * Issue 12, item 1: every job survives the death of the CMS process (docs/adr/0026). Each run
 * sets a fan-out, a scheduled publication, a notice dispatch and site builds going, SIGKILLs the
 * real CMS server (the process `pnpm start` runs) at a random moment of one of these
 * phases, starts it again with the code `pnpm start` uses, and checks that every planned e-mail
 * arrived exactly once (the fake Resend's record), the scheduled statement is published, the
 * dispatch was planned to the end and completed, a release's e-mail cancelled in its one-second
 * grace period stayed cancelled and sent nothing (docs/adr/0039), and, every few runs and at the end, that the live
 * site is complete and matches the CMS. CRASH_RUNS (30), CRASH_SEED (printed; replays the run's
 * choices), CRASH_DATABASE=postgres (with TEST_POSTGRES_URL), CRASH_SUBSCRIBERS (300),
 * CRASH_INSTITUTIONS (400), CRASH_SITE_EVERY (5), CRASH_FULL_RESTART_EVERY (10: that run restarts
 * with the whole `pnpm start`). `pnpm --filter @pressroom/scripts crash-test` runs it alone.
 */
const runs = Number(process.env.CRASH_RUNS ?? 30)
const database: CrashDatabase = process.env.CRASH_DATABASE === 'postgres' ? 'postgres' : 'sqlite'
const seed = crashSeed()
const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const siteEvery = setting('CRASH_SITE_EVERY', 5)
const fullRestartEvery = setting('CRASH_FULL_RESTART_EVERY', 10)

let room: CrashRoom
let audience: Audience

beforeAll(async () => {
  console.log(
    `[crash] seed ${seed}, ${runs} runs on ${database}; replay: CRASH_SEED=${seed} CRASH_RUNS=${runs}` +
      `${database === 'postgres' ? ' CRASH_DATABASE=postgres' : ''} pnpm --filter @pressroom/scripts crash-test`,
  )
  room = await startCrashRoom(database)
  audience = await prepareAudience(room, {
    subscribers: setting('CRASH_SUBSCRIBERS', 300),
    institutions: setting('CRASH_INSTITUTIONS', 400),
  })
}, 900_000)

afterAll(async () => {
  await room?.stop()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe(`the CMS server killed with SIGKILL (${runs} runs, ${database}, seed ${seed})`, () => {
  it('finishes every job after a restart: each e-mail once, the publication published, the dispatch planned, the site complete', {
    timeout: 900_000 + runs * 180_000,
  }, async () => {
    const random = seededRandom(seed)
    const first = random.int(0, phases.length - 1)
    const seen: { phase: string; reached: boolean; interrupted: Interrupted }[] = []
    for (let run = 1; run <= runs; run++) {
      const phase = phases[(first + run) % phases.length]!
      const work = await startWork(room, audience, run, random.int(1500, 4000))
      const reached = await reachPhase(room, work, phase)
      await sleep(random.int(0, phaseSpanMs[phase]))
      const killedAt = Date.now()
      const killed = await room.kill()
      const interrupted = await observeInterrupted(room, work)
      seen.push({ phase, reached, interrupted })

      const how = run % fullRestartEvery === 0 ? 'pnpm start' : 'server'
      const restartMs = await room.restart(how)
      // What staff and the reader do when their request got no answer and nothing happened: send it again.
      if ((await work.requests.plan) === 0 && interrupted.dispatch.status === 'draft') {
        await planDispatch(room, work.dispatchId)
      }
      const subscribed = await room.payload.count({
        collection: 'subscribers',
        where: { email: { equals: work.newcomer } },
      })
      if ((await work.requests.subscribe) === 0 && subscribed.totalDocs === 0) await subscribe(room, work.newcomer)

      const checkSite = run % siteEvery === 0 || run === runs
      await waitForRecovery(room, audience, work, { site: checkSite, timeoutMs: 180_000 })
      const context = `run ${run} (seed ${seed}, ${phase}): ${describeInterrupted(interrupted)}`
      expect(mailProblems(room, audience, work), context).toEqual([])
      if (checkSite) expect(await siteProblems(room), context).toEqual([])
      console.log(
        `[crash] run ${run}/${runs}: killed ${killed.command} (${killed.pid}) ${phase}${reached ? '' : ' (phase not reached)'}` +
          ` ${((killedAt - work.startedAt) / 1000).toFixed(1)} s in; ${describeInterrupted(interrupted)};` +
          ` restarted (${how}) in ${(restartMs / 1000).toFixed(1)} s, recovered${checkSite ? ' with the site' : ''}` +
          ` ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill`,
      )
    }

    const count = (test: (s: (typeof seen)[number]) => boolean) => seen.filter(test).length
    const coverage = {
      'jobs running at the kill': count((s) => s.interrupted.jobs.length > 0),
      'fan-out unfinished': count(
        (s) => !!s.interrupted.fanOut && s.interrupted.fanOut.sent < s.interrupted.fanOut.planned,
      ),
      'provider answered, answer not recorded': count(
        (s) => !!s.interrupted.fanOut && s.interrupted.fanOut.atProvider > s.interrupted.fanOut.sent,
      ),
      'dispatch planning cut': count((s) => s.interrupted.dispatch.status === 'planning'),
      'dispatch sending cut': count((s) => s.interrupted.dispatch.status === 'sending'),
      'site build cut': count((s) => s.interrupted.siteBuildRunning),
      'deliverMail cut': count((s) => s.interrupted.jobs.includes('deliverMail')),
      'schedulePublish due or cut': count(
        (s) => s.phase === 'scheduled publication' && !s.interrupted.statementPublished,
      ),
      'schedulePublish cut': count((s) => s.interrupted.jobs.includes('schedulePublish')),
    }
    console.log(`[crash] what the ${runs} kills interrupted: ${JSON.stringify(coverage)}`)
    // The kills really landed in the middle of work: without that the runs prove nothing.
    expect(coverage['jobs running at the kill']).toBeGreaterThan(0)
    expect(
      count((s) => !s.reached),
      'phases never reached',
    ).toBeLessThanOrEqual(Math.floor(runs / 4))
  })
})
