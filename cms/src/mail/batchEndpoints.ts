import { APIError, type Endpoint, type PayloadRequest } from 'payload'
import { hasRole } from '../access/roles.ts'
import { type BatchDecision, decideHeldBatch } from './heldBatches.ts'

const decisions: Record<string, BatchDecision> = { 'send-anyway': 'send-anyway', 'give-up': 'give-up' }

function decideEndpoint(path: string, decision: BatchDecision): Endpoint {
  return {
    path: `/:id/${path}`,
    method: 'post',
    handler: async (req: PayloadRequest) => {
      if (!req.user) throw new APIError('Log in as an admin or editor to decide about a batch.', 401, undefined, true)
      if (!hasRole(req.user, 'admin', 'editor')) {
        throw new APIError('Only admins and editors may decide about e-mail batches.', 403, undefined, true)
      }
      const id = String(req.routeParams?.id ?? '')
      if (!/^\d{1,15}$/.test(id)) return Response.json({ message: `"${id}" is not a batch ID.` }, { status: 404 })
      const done = await decideHeldBatch(req.payload, Number(id), decision, req.user.id)
      if (!done) {
        throw new APIError(
          'This batch is not waiting for a decision (someone decided already, or it was never held); reload the page.',
          409,
          undefined,
          true,
        )
      }
      req.payload.logger.info({ batch: Number(id), decision, user: req.user.id }, 'Held mail batch decided by staff')
      return Response.json({
        message:
          decision === 'send-anyway'
            ? 'The batch goes out with the next mail run (within a minute).'
            : 'Given up: its messages are marked failed and will not be sent again.',
      })
    },
  }
}

/**
 * POST /api/mail-batches/:id/send-anyway and /api/mail-batches/:id/give-up: the staff decision
 * on a batch held past the provider's idempotency window (docs/adr/0028).
 */
export const batchEndpoints: Endpoint[] = Object.entries(decisions).map(([path, decision]) =>
  decideEndpoint(path, decision),
)
