import { createHmac } from 'node:crypto'
import config from '@adonisjs/core/services/config'
import { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import AuditEvent from '#models/audit_event'
import type { Actor } from '#audit/actor'
import type { Change } from '#audit/change'

/** prev_hash of the first row of the chain. */
export const GENESIS_HASH = '0'.repeat(64)

/** What the audit log needs from any business event. */
export interface AuditEntry {
  action: string
  actor: Actor
  subjectType: string
  subjectId: string | number | null
  change: Change
}

/** Where a change came from, when it came through an HTTP request. */
export interface RequestMeta {
  ip: string | null
  userAgent: string | null
  requestId: string | null
}

type ChainedFields = Pick<
  AuditEvent,
  | 'id'
  | 'prevHash'
  | 'occurredAt'
  | 'actorId'
  | 'actorRole'
  | 'action'
  | 'subjectType'
  | 'subjectId'
  | 'changes'
  | 'ip'
  | 'userAgent'
  | 'requestId'
>

/** Serialises a value with object keys sorted, so equal values hash equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner
  )
}

/** The key of the chain (AUDIT_KEY), read from config so tests can swap it. */
function chainKey(): string {
  const key = config.get<{ release(): string } | undefined>('audit.key')
  if (!key) throw new Error('AUDIT_KEY is not set: the audit log cannot be written or verified')
  return key.release()
}

/** What a row's hash covers: its content and position, and the hash of the row before it. */
export function chainedContent(row: ChainedFields): string {
  return JSON.stringify([
    row.id,
    row.prevHash,
    row.occurredAt,
    row.actorId,
    row.actorRole,
    row.action,
    row.subjectType,
    row.subjectId,
    row.changes,
    row.ip,
    row.userAgent,
    row.requestId,
  ])
}

/**
 * The hash of one row, keyed with AUDIT_KEY (HMAC-SHA-256) so that someone
 * who can write to the database but does not hold the key cannot compute a
 * valid chain.
 */
export function hashRow(row: ChainedFields, key: string = chainKey()): string {
  return createHmac('sha256', key).update(chainedContent(row)).digest('hex')
}

/** The IP, user agent and request id of the request being served, if any. */
export function currentRequestMeta(): RequestMeta {
  const ctx = HttpContext.get()
  if (!ctx) return { ip: null, userAgent: null, requestId: null }
  return {
    ip: ctx.request.ip(),
    userAgent: ctx.request.header('user-agent')?.slice(0, 255) ?? null,
    requestId: ctx.request.id() ?? null,
  }
}

/**
 * Appends an entry to the audit log inside the caller's transaction, so the
 * change and its record commit together or not at all. The single chain-head
 * row is updated first, which takes the write lock on SQLite and a row lock
 * on PostgreSQL until the transaction ends: appends are serialised and every
 * row chains to the one before it, with ids that have no gaps. Callers record
 * their events last in the transaction, to hold that lock briefly.
 */
export async function appendAuditEntry(
  trx: TransactionClientContract,
  entry: AuditEntry,
  meta: RequestMeta = currentRequestMeta()
): Promise<AuditEvent> {
  const moved = await trx.from('audit_chain_heads').where('id', 1).increment('last_event_id', 1)
  if (Number(moved) === 0) {
    // First event of an empty log: create the head, then take it.
    await trx
      .table('audit_chain_heads')
      .insert({ id: 1, last_event_id: 0, last_hash: GENESIS_HASH })
      .onConflict('id')
      .ignore()
    await trx.from('audit_chain_heads').where('id', 1).increment('last_event_id', 1)
  }
  const head = await trx.from('audit_chain_heads').where('id', 1).firstOrFail()

  const row: ChainedFields = {
    id: Number(head.last_event_id),
    prevHash: head.last_hash,
    occurredAt: new Date().toISOString(),
    actorId: entry.actor.userId,
    actorRole: entry.actor.role,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId === null ? null : String(entry.subjectId),
    changes: canonicalJson(entry.change),
    ip: meta.ip,
    userAgent: meta.userAgent,
    requestId: meta.requestId,
  }
  const hash = hashRow(row)
  const event = await AuditEvent.create({ ...row, hash }, { client: trx })
  await trx.from('audit_chain_heads').where('id', 1).update({ last_hash: hash })
  return event
}
