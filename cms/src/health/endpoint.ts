import { timingSafeEqual } from 'node:crypto'
import type { Endpoint, PayloadRequest } from 'payload'
import { hasRole, roleOf } from '../access/roles.ts'
import { type CheckName, checkNames, collectHealth, type HealthReport } from './collectHealth.ts'
import { healthSettings } from './settings.ts'

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * How much a caller sees: everything with HEALTH_TOKEN (`Authorization: Bearer …`) or as an admin
 * or editor; a translator all but the number of e-mails waiting (they cannot read deliveries);
 * anyone else only the verdicts.
 */
export function healthAudience(req: Pick<PayloadRequest, 'user' | 'headers'>, token: string | null): HealthAudience {
  const header = req.headers.get('authorization') ?? ''
  if (token !== null && header.startsWith('Bearer ') && sameSecret(header.slice(7), token)) return 'full'
  if (hasRole(req.user, 'admin', 'editor')) return 'full'
  return roleOf(req.user) !== null ? 'staff' : 'public'
}

export type HealthAudience = 'full' | 'staff' | 'public'

/** The report with the details a translator may read (all but the number of e-mails waiting). */
export const staffDetails = (report: HealthReport): HealthReport => ({
  ...report,
  details: { ...report.details, mail: { ...report.details.mail, pendingDeliveries: null, heldBatches: null } },
})

/** The report as the audience may see it. */
export function reportFor(report: HealthReport, audience: HealthAudience) {
  if (audience === 'full') return report
  if (audience === 'staff') return staffDetails(report)
  const checks = Object.fromEntries(checkNames.map((name) => [name, report.checks[name].ok ? 'ok' : 'fail']))
  return { status: report.status, checks: checks as Record<CheckName, 'ok' | 'fail'> }
}

/**
 * GET /api/health (docs/adr/0031): 200 when every check passes, 503 when one fails, JSON either
 * way. Anyone gets the verdict and which checks pass; the details (times, queue depths, pending
 * e-mails, job ids, the last build's error) only staff and holders of HEALTH_TOKEN, because
 * counts and errors tell outsiders what staff are doing.
 */
export const healthEndpoint: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    const settings = healthSettings()
    const report = await collectHealth(req.payload, settings)
    return Response.json(reportFor(report, healthAudience(req, settings.token)), {
      status: report.status === 'ok' ? 200 : 503,
      headers: { 'cache-control': 'no-store' },
    })
  },
}
