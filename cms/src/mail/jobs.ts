import type { Payload, TaskConfig } from 'payload'
import { mailTransportFromEnv, providerBucket } from './config.ts'
import { runDeliveryWorker } from './worker.ts'

export const mailQueue = 'email'

type Step = (payload: Payload) => Promise<unknown>

/**
 * The `deliverMail` task on the `email` queue: scheduled on the queue's cron, it runs the
 * planners given (e.g. confirmation e-mails), then sends whatever is planned for up to four
 * minutes, then the steps that copy outcomes into other modules' records (e.g. the dispatch
 * log of notices). Batches it leaves (deadline, crash) are taken over by the next run.
 */
export function deliverMailTask(before: Step[] = [], after: Step[] = []): TaskConfig<'deliverMail'> {
  const cron = process.env.MAIL_CRON || process.env.JOBS_AUTORUN_CRON || '*/10 * * * * *'
  return {
    slug: 'deliverMail',
    label: 'Deliver e-mail',
    retries: 0,
    schedule: cron === 'off' ? [] : [{ cron, queue: mailQueue }],
    handler: async ({ req }) => {
      for (const step of before) await step(req.payload)
      const result = await runDeliveryWorker(req.payload, {
        transport: mailTransportFromEnv(),
        bucket: providerBucket(req.payload),
        deadline: Date.now() + 4 * 60_000,
      })
      if (result.batches > 0) req.payload.logger.info(`Mail: ${JSON.stringify(result)}`)
      for (const step of after) await step(req.payload)
      return { output: result }
    },
  }
}
