import db from '@adonisjs/lucid/services/db'
import AuditEvent from '#models/audit_event'
import { GENESIS_HASH, hashRow } from '#audit/audit_log'
import type { AuditAnchor } from '#audit/anchors'

export type ChainProblem = 'modified' | 'missing' | 'relinked' | 'unanchored' | 'truncated'

/** The first problem found in the chain, or none (with the head it ended at). */
export type ChainReport =
  | { ok: true; rows: number; head: { eventId: number; hash: string } | null }
  | { ok: false; rows: number; eventId: number; problem: ChainProblem; message: string }

export interface VerifyOptions {
  /** Anchors the chain must agree with (see anchors.ts). */
  anchors?: AuditAnchor[]
  /** Start at this anchored row instead of the first one (the anchor job's incremental check). */
  from?: AuditAnchor
  batchSize?: number
}

function broken(rows: number, eventId: number, problem: ChainProblem, message: string) {
  return { ok: false as const, rows, eventId, problem, message }
}

/**
 * Walks the audit log in id order and recomputes every hash with AUDIT_KEY.
 * It reports the first row whose content no longer matches its hash
 * (modified), a gap in the ids or a chain head pointing past the last row
 * (missing), a row whose prev_hash does not match the row before it
 * (relinked), a row that differs from its anchor (unanchored), or a log that
 * ends before its newest anchor (truncated).
 */
export async function verifyAuditChain(options: VerifyOptions = {}): Promise<ChainReport> {
  const batchSize = options.batchSize ?? 1000
  const anchors = new Map((options.anchors ?? []).map((anchor) => [anchor.eventId, anchor]))
  let expectedId = options.from?.eventId ?? 1
  let prevHash: string | null = options.from ? null : GENESIS_HASH
  let rows = 0

  while (true) {
    const batch = await AuditEvent.query()
      .where('id', '>=', expectedId)
      .orderBy('id')
      .limit(batchSize)
    for (const row of batch) {
      if (row.id !== expectedId) {
        return broken(
          rows,
          expectedId,
          'missing',
          `Audit event #${expectedId} is missing (the next row is #${row.id})`
        )
      }
      if (prevHash !== null && row.prevHash !== prevHash) {
        return broken(
          rows,
          row.id,
          'relinked',
          `Audit event #${row.id} does not chain to the row before it`
        )
      }
      if (hashRow(row) !== row.hash) {
        return broken(
          rows,
          row.id,
          'modified',
          `Audit event #${row.id} was modified after it was written`
        )
      }
      const anchor = anchors.get(row.id) ?? (options.from?.eventId === row.id ? options.from : null)
      if (anchor && anchor.hash !== row.hash) {
        return broken(
          rows,
          row.id,
          'unanchored',
          `Audit event #${row.id} differs from its anchor of ${anchor.anchoredAt}: the log was rewritten from there on`
        )
      }
      prevHash = row.hash
      expectedId += 1
      rows += 1
    }
    if (batch.length < batchSize) break
  }

  const lastId = expectedId - 1
  if (options.from && lastId < options.from.eventId) {
    return truncated(rows, lastId, options.from)
  }
  const newest = [...anchors.values()].sort((a, b) => b.eventId - a.eventId)[0]
  if (newest && newest.eventId > lastId) return truncated(rows, lastId, newest)

  const head = await db.from('audit_chain_heads').where('id', 1).first()
  const headId = Number(head?.last_event_id ?? 0)
  if (headId !== lastId || (lastId > 0 && head.last_hash !== prevHash)) {
    return broken(
      rows,
      expectedId,
      'missing',
      `The chain head records ${headId} events but the log ends at #${lastId}: audit event #${expectedId} is missing`
    )
  }
  return { ok: true, rows, head: lastId > 0 ? { eventId: lastId, hash: prevHash! } : null }
}

function truncated(rows: number, lastId: number, anchor: AuditAnchor) {
  return broken(
    rows,
    lastId + 1,
    'truncated',
    `The log ends at #${lastId} but event #${anchor.eventId} was anchored on ${anchor.anchoredAt}: events were removed from the end`
  )
}
