import db from '@adonisjs/lucid/services/db'
import AuditEvent from '#models/audit_event'
import { GENESIS_HASH, hashRow } from '#audit/audit_log'

/** The first problem found in the chain, or none. */
export type ChainReport =
  | { ok: true; rows: number }
  | {
      ok: false
      rows: number
      eventId: number
      problem: 'modified' | 'missing' | 'relinked'
      message: string
    }

/**
 * Walks the audit log in id order and recomputes every hash. It reports the
 * first row whose content no longer matches its hash (modified), a gap in the
 * ids or a chain head pointing past the last row (missing), or a row whose
 * prev_hash does not match the row before it (relinked).
 */
export async function verifyAuditChain(batchSize = 1000): Promise<ChainReport> {
  let expectedId = 1
  let prevHash = GENESIS_HASH
  let rows = 0

  while (true) {
    const batch = await AuditEvent.query()
      .where('id', '>=', expectedId)
      .orderBy('id')
      .limit(batchSize)
    for (const row of batch) {
      if (row.id !== expectedId) {
        return {
          ok: false,
          rows,
          eventId: expectedId,
          problem: 'missing',
          message: `Audit event #${expectedId} is missing (the next row is #${row.id})`,
        }
      }
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          rows,
          eventId: row.id,
          problem: 'relinked',
          message: `Audit event #${row.id} does not chain to the row before it`,
        }
      }
      if (hashRow(row) !== row.hash) {
        return {
          ok: false,
          rows,
          eventId: row.id,
          problem: 'modified',
          message: `Audit event #${row.id} was modified after it was written`,
        }
      }
      prevHash = row.hash
      expectedId += 1
      rows += 1
    }
    if (batch.length < batchSize) break
  }

  const head = await db.from('audit_chain_heads').where('id', 1).first()
  const lastId = Number(head?.last_event_id ?? 0)
  if (lastId !== expectedId - 1 || (lastId > 0 && head.last_hash !== prevHash)) {
    return {
      ok: false,
      rows,
      eventId: expectedId,
      problem: 'missing',
      message: `The chain head records ${lastId} events but ${rows} were found: audit event #${expectedId} is missing`,
    }
  }
  return { ok: true, rows }
}
