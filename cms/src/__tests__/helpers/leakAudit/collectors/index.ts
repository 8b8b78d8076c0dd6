import type { Payload } from 'payload'
import type { AuditRecord } from '../records.ts'
import type { HookRecorder } from './buildHook.ts'
import { collectGraphql } from './graphql.ts'
import { collectOutbox } from './outbox.ts'
import { collectPublicPages, type PageTargets } from './pages.ts'
import { collectRest } from './rest.ts'
import { collectSiteFiles } from './siteFiles.ts'
import { collectStaffPreviews } from './staffPreviews.ts'
import { collectUploadFiles } from './uploads.ts'

export type Outputs = { origin: string; siteDir: string; outboxDir: string; hook: HookRecorder; pages: PageTargets }

/** Everything an outsider can reach, as records: the built site, the CMS over HTTP, the outbox, the build hook. */
export async function collectOutsideOutputs(payload: Payload, outputs: Outputs): Promise<AuditRecord[]> {
  // Payload logs every refusal of an anonymous request: thousands of lines that say nothing here.
  const level = payload.logger.level
  payload.logger.level = 'silent'
  try {
    return [
      ...(await collectSiteFiles(outputs.siteDir)),
      ...(await collectRest(outputs.origin, payload)),
      ...(await collectGraphql(outputs.origin, payload)),
      ...(await collectUploadFiles(outputs.origin, payload)),
      ...(await collectPublicPages(outputs.origin, outputs.pages)),
      ...(await collectStaffPreviews(outputs.origin, payload)),
      ...(await collectOutbox(outputs.outboxDir)),
      ...outputs.hook.records(),
    ]
  } finally {
    payload.logger.level = level
  }
}

/** "site 812, REST 1400, …": how many records each kind of output gave. */
export function recordCounts(records: AuditRecord[]): string {
  const counts = new Map<string, number>()
  for (const record of records) {
    const channel = record.where.split(' ')[0]!
    counts.set(channel, (counts.get(channel) ?? 0) + 1)
  }
  return [...counts].map(([channel, count]) => `${channel} ${count}`).join(', ')
}
