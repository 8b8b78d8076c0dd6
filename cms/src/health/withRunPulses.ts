import type { SanitizedConfig, TaskConfig } from 'payload'
import { notePulse } from './pulse.ts'

type AnyTask = TaskConfig | NonNullable<SanitizedConfig['jobs']['tasks']>[number]
type Handler = (args: unknown) => Promise<unknown>

/**
 * The e-mail task, noting when each run starts, ends and fails (docs/adr/0031): the runner starts it
 * every few seconds, so its runs are the job runner's own heartbeat for /api/health, and a run that
 * throws every time must not look like one that is still running.
 */
export function withMailPulses<T extends AnyTask>(task: T): T {
  const handler = task.handler
  if (typeof handler !== 'function') return task
  const noted: Handler = async (args) => {
    notePulse('mailStarted')
    try {
      const result = await (handler as unknown as Handler)(args)
      notePulse('mailFinished')
      return result
    } catch (error) {
      notePulse('mailFailed')
      throw error
    }
  }
  return { ...task, handler: noted as unknown as T['handler'] }
}
