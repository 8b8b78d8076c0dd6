import { defaultLocale } from '@pressroom/shared'
import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
} from 'payload'
import { adminT, type PayloadT } from '../../i18n/admin/adminT.ts'
import { loadDirectory, type RecipientState } from './directorySnapshot.ts'
import { parseRecipientsCsv, type RowProblem } from './parseRecipientsCsv.ts'
import { type ImportOperation, planRecipientsImport } from './planRecipientsImport.ts'

type Id = number | string

export type ImportReport = {
  ok: boolean
  dryRun: boolean
  rows: number
  created: number
  updated: number
  unchanged: number
  /** Every problem of every row; when not empty, nothing was written. */
  problems: RowProblem[]
  fileProblem?: string
  tooManyRows?: boolean
}

/**
 * Imports a recipients CSV all or nothing (docs/adr/0016): every row is checked against the
 * directory first, and a single problem anywhere means nothing is written. Writing happens in
 * one transaction on PostgreSQL; on SQLite (no transactions) a write that fails midway is
 * undone by deleting what this import created and restoring what it changed. Matching rows by
 * id, external id or e-mail makes a second import of the same file change nothing.
 */
export async function importRecipients(
  payload: Payload,
  csv: string,
  options: { t: PayloadT; user?: PayloadRequest['user']; dryRun?: boolean },
): Promise<ImportReport> {
  const dryRun = options.dryRun ?? false
  const say = { csv: adminT(options.t, 'recipientsCsv'), validation: adminT(options.t, 'validation') }
  const parsed = parseRecipientsCsv(csv, say)
  const report: ImportReport = {
    ok: false,
    dryRun,
    rows: parsed.rows.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    problems: parsed.problems,
    fileProblem: parsed.fileProblem,
    tooManyRows: parsed.tooManyRows,
  }
  if (parsed.fileProblem || (parsed.problems.length > 0 && parsed.rows.length === 0)) return report

  const directory = await loadDirectory(payload)
  const plan = planRecipientsImport(parsed.rows, directory, say.csv)
  report.problems = [...parsed.problems, ...plan.problems].sort((a, b) => a.row - b.row)
  if (report.problems.length > 0) return report

  for (const op of plan.operations) {
    if (op.type === 'create') report.created += 1
    else if (op.type === 'update') report.updated += 1
    else report.unchanged += 1
  }
  report.ok = true
  if (dryRun) return report

  await writeAllOrNothing(payload, plan.operations, options.user ?? null)
  payload.logger.info(
    { created: report.created, updated: report.updated, unchanged: report.unchanged },
    'recipients imported from CSV',
  )
  return report
}

type Done = { type: 'created'; id: Id } | { type: 'updated'; id: Id; before: RecipientState }

async function writeAllOrNothing(payload: Payload, operations: ImportOperation[], user: PayloadRequest['user']) {
  const req = await createLocalReq({ user: user ?? undefined, context: { importingRecipients: true } }, payload)
  const inTransaction = await initTransaction(req)
  const done: Done[] = []
  try {
    for (const op of operations) {
      if (op.type === 'create') {
        await writeRecipient(payload, req, undefined, op.state, (id) => done.push({ type: 'created', id }))
      } else if (op.type === 'update') {
        done.push({ type: 'updated', id: op.id, before: op.before })
        await writeRecipient(payload, req, op.id, op.state)
      }
    }
    if (inTransaction) await commitTransaction(req)
  } catch (error) {
    if (inTransaction) {
      await killTransaction(req)
    } else {
      await undo(payload, done)
    }
    throw error
  }
}

/** Writes the non-localized fields with the English ones, then the Russian ones. */
async function writeRecipient(
  payload: Payload,
  req: PayloadRequest,
  id: Id | undefined,
  state: RecipientState,
  onCreated?: (id: Id) => void,
) {
  const data = {
    externalId: state.externalId,
    kind: state.kind,
    country: state.country,
    emails: state.emails.map((address) => ({ address })),
    postalAddress: state.postalAddress,
    preferredLanguage: state.preferredLanguage,
    preferredChannels: state.preferredChannels,
    groups: state.groups as number[],
    notes: state.notes,
    active: state.active,
    name: state.name.en ?? null,
    role: state.role.en ?? null,
  }
  const doc =
    id === undefined
      ? await payload.create({ collection: 'recipients', locale: defaultLocale, data: data as never, req, depth: 0 })
      : await payload.update({
          collection: 'recipients',
          id,
          locale: defaultLocale,
          data: data as never,
          req,
          depth: 0,
        })
  if (id === undefined) onCreated?.(doc.id)
  await payload.update({
    collection: 'recipients',
    id: doc.id,
    locale: 'ru',
    data: { name: state.name.ru ?? null, role: state.role.ru ?? null },
    req,
    depth: 0,
  })
  return doc.id
}

/** SQLite: put the directory back as it was before this import, newest change first. */
async function undo(payload: Payload, done: Done[]) {
  const req = await createLocalReq({ context: { importingRecipients: true } }, payload)
  const failures: string[] = []
  for (const step of done.reverse()) {
    try {
      if (step.type === 'created') await payload.delete({ collection: 'recipients', id: step.id, req })
      else await writeRecipient(payload, req, step.id, step.before)
    } catch (error) {
      failures.push(`${step.type === 'created' ? 'delete' : 'restore'} recipient ${step.id}: ${String(error)}`)
    }
  }
  if (failures.length > 0) {
    payload.logger.error({ failures }, 'a failed recipients import could not be fully undone; re-import the file')
  }
}
