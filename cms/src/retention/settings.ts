import { positiveSetting } from '../jobs/settings.ts'
/**
 * How long old records and files are kept (docs/adr/0031-retention-and-health.md). Read from the
 * environment each time: tests change it between runs. A setting is a positive number; to keep
 * something (nearly) for ever, give a large one.
 */
export type RetentionSettings = {
  /** RETENTION_CRON: when the retention job runs (seconds field first); "off" never schedules it. */
  cron: string
  /** RETENTION_SITE_BUILDS_DAYS: finished site-build records (and their log) older than this go… */
  siteBuildDays: number
  /** RETENTION_SITE_BUILDS_KEEP: …but the newest this many records always stay. */
  siteBuildsKeep: number
  /** RETENTION_EDITION_CACHE_DAYS: cached PDFs/ZIPs the live site does not use, older than this, go. */
  editionCacheDays: number
  /** RETENTION_EDITION_CACHE_MB: above this size, more unused cache files go, oldest first. */
  editionCacheBytes: number
  /** RETENTION_MAIL_PAYLOAD_DAYS: the stored message of a finished delivery is dropped after this. */
  mailPayloadDays: number
  /** RETENTION_WEBHOOK_EVENTS_DAYS: provider webhook events older than this are deleted. */
  webhookEventDays: number
  /** RETENTION_OUTBOX_DAYS: .eml files of the local outbox older than this are deleted. */
  outboxDays: number
}

export function retentionSettings(): RetentionSettings {
  return {
    cron: process.env.RETENTION_CRON || '0 40 3 * * *',
    siteBuildDays: positiveSetting('RETENTION_SITE_BUILDS_DAYS', 30),
    siteBuildsKeep: Math.floor(positiveSetting('RETENTION_SITE_BUILDS_KEEP', 50)),
    editionCacheDays: positiveSetting('RETENTION_EDITION_CACHE_DAYS', 60),
    editionCacheBytes: positiveSetting('RETENTION_EDITION_CACHE_MB', 2048) * 1024 * 1024,
    mailPayloadDays: positiveSetting('RETENTION_MAIL_PAYLOAD_DAYS', 30),
    webhookEventDays: positiveSetting('RETENTION_WEBHOOK_EVENTS_DAYS', 90),
    outboxDays: positiveSetting('RETENTION_OUTBOX_DAYS', 30),
  }
}

const day = 24 * 60 * 60 * 1000

/** The instant before which something `days` old counts as old. */
export const olderThan = (days: number, now = Date.now()) => new Date(now - days * day)
