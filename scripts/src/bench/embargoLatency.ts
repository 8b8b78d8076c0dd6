/**
 * Embargo end → live page → e-mail (issue 16, item 2; docs/adr/0044), on the main command the
 * publish benchmark runs: an admin publishes an embargoed press release for the seeded reader's
 * topic; at the instant the served site is polled until the page answers 200, and the outbox
 * until the reader's e-mail is in it. The grace period is set to 0 first (it would only add its
 * own length), so the e-mail's time is the wait for the page and the delivery run.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { paragraphsToLexical } from '@pressroom/cms/seed/lexical'
import { embargoBenchReader, embargoBenchTopic } from './seed.ts'

export type EmbargoSample = { liveSeconds: number; mailSeconds: number; leadSeconds: number; path: string }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function api(cmsUrl: string, token: string, pathAndQuery: string, method = 'GET', body?: unknown) {
  const response = await fetch(`${cmsUrl}/api${pathAndQuery}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok)
    throw new Error(`${method} /api${pathAndQuery} answered ${response.status}: ${await response.text()}`)
  return response.json() as Promise<Record<string, unknown>>
}

/** An .eml in the outbox addressed to the reader that names the release. */
function mailed(outboxDir: string, title: string): boolean {
  if (!existsSync(outboxDir)) return false
  return readdirSync(outboxDir)
    .filter((name) => name.endsWith('.eml'))
    .some((name) => {
      const text = readFileSync(path.join(outboxDir, name), 'utf8')
      return text.includes(embargoBenchReader) && text.includes(title)
    })
}

export async function measureEmbargoToLive(options: {
  cmsUrl: string
  siteUrl: string
  outboxDir: string
  adminEmail: string
  adminPassword: string
  /** Seconds from publishing to the embargo's end: enough for the build of the publish itself. */
  leadSeconds: number
  label: string
  timeoutMs?: number
}): Promise<EmbargoSample> {
  const login = await fetch(`${options.cmsUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: options.adminEmail, password: options.adminPassword }),
  })
  if (!login.ok) throw new Error(`Admin login answered ${login.status}: ${await login.text()}`)
  const { token } = (await login.json()) as { token: string }
  await api(options.cmsUrl, token, '/globals/site-settings', 'POST', { publicationEmailGraceSeconds: 0 })
  const topics = (await api(
    options.cmsUrl,
    token,
    `/topics?where[title][equals]=${encodeURIComponent(embargoBenchTopic)}&depth=0&locale=en`,
  )) as { docs: { id: number }[] }
  const topic = topics.docs[0]?.id
  if (!topic) throw new Error(`The seed has no topic "${embargoBenchTopic}": run the benchmark's seed again.`)

  const instant = new Date(Date.now() + options.leadSeconds * 1000)
  const title = `Embargoed release to time the embargo end ${options.label}`
  const { doc } = (await api(options.cmsUrl, token, '/press-releases?locale=en', 'POST', {
    title,
    summary: 'Published under embargo by the benchmark.',
    date: new Date().toISOString(),
    body: paragraphsToLexical(['Published by the benchmark to time embargo end → live page → e-mail.']),
    topics: [topic],
    embargoUntil: instant.toISOString(),
    _status: 'published',
  })) as { doc: { slug: string } }
  const page = `/en/press-releases/${doc.slug}/`

  const end = instant.getTime() + (options.timeoutMs ?? 180_000)
  let liveSeconds: number | undefined
  let mailSeconds: number | undefined
  while (Date.now() < end && (liveSeconds === undefined || mailSeconds === undefined)) {
    if (liveSeconds === undefined) {
      const response = await fetch(`${options.siteUrl}${page}`).catch(() => undefined)
      await response?.arrayBuffer()
      if (response?.status === 200) {
        liveSeconds = (Date.now() - instant.getTime()) / 1000
        if (liveSeconds < 0) throw new Error(`${page} answered before its embargo ended: a leak.`)
      }
    }
    if (mailSeconds === undefined && mailed(options.outboxDir, title)) {
      mailSeconds = (Date.now() - instant.getTime()) / 1000
      if (mailSeconds < 0) throw new Error('The e-mail went before the embargo ended.')
    }
    await sleep(100)
  }
  if (liveSeconds === undefined) throw new Error(`${page} did not appear within the timeout after the embargo ended`)
  if (mailSeconds === undefined) throw new Error('The e-mail did not reach the outbox within the timeout')
  if (mailSeconds < liveSeconds - 0.2) {
    throw new Error(
      `The e-mail (${mailSeconds.toFixed(1)} s) went before the page was live (${liveSeconds.toFixed(1)} s).`,
    )
  }
  return { liveSeconds, mailSeconds, leadSeconds: options.leadSeconds, path: page }
}
