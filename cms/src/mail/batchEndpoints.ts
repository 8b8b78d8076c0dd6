import { APIError, type Endpoint, type PayloadRequest } from 'payload'
import { staffWords } from '../access/staffWords.ts'
import { routeDocumentId } from '../http/documentId.ts'
import { requirePublisher } from '../http/staffOnly.ts'
import { type BatchDecision, decideHeldBatch } from './heldBatches.ts'

const decisions: Record<string, BatchDecision> = { 'send-anyway': 'send-anyway', 'give-up': 'give-up' }

function decideEndpoint(path: string, decision: BatchDecision): Endpoint {
  return {
    path: `/:id/${path}`,
    method: 'post',
    handler: async (req: PayloadRequest) => {
      const user = requirePublisher(req, 'decideBatches')
      const id = routeDocumentId(req, 'batch')
      if (id instanceof Response) return id
      const done = await decideHeldBatch(req.payload, id, decision, user.id)
      if (!done) {
        throw new APIError(staffWords(req, 'mailBatches')('notWaiting'), 409, undefined, true)
      }
      req.payload.logger.info({ batch: id, decision, user: user.id }, 'Held mail batch decided by staff')
      const say = staffWords(req, 'mailBatches')
      return Response.json({ message: say(decision === 'send-anyway' ? 'sendAnyway' : 'givenUp') })
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
