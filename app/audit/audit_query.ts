import AuditEvent from '#models/audit_event'
import { storeDayBounds } from '#formatting/store_time'

export interface AuditFilters {
  actorId?: number
  actorRole?: string
  action?: string
  subjectType?: string
  subjectId?: string
  /** Inclusive calendar days (YYYY-MM-DD) in the store's time zone. */
  from?: string
  to?: string
  page?: number
  perPage?: number
}

/**
 * Reads the audit log for operators, newest first. Every filter is served by
 * an index on audit_events.
 */
export async function searchAuditLog(filters: AuditFilters) {
  return AuditEvent.query()
    .if(filters.actorId, (query) => query.where('actor_id', filters.actorId!))
    .if(filters.actorRole, (query) => query.where('actor_role', filters.actorRole!))
    .if(filters.action, (query) => query.where('action', filters.action!))
    .if(filters.subjectType, (query) => query.where('subject_type', filters.subjectType!))
    .if(filters.subjectId, (query) => query.where('subject_id', filters.subjectId!))
    .if(filters.from, (query) => query.where('occurred_at', '>=', utcStart(filters.from!)))
    .if(filters.to, (query) => query.where('occurred_at', '<=', utcEnd(filters.to!)))
    .orderBy('id', 'desc')
    .paginate(filters.page ?? 1, Math.min(100, filters.perPage ?? 50))
}

/** A store day's bounds as `occurred_at` holds instants: ISO 8601 in UTC. */
const utcStart = (day: string) => storeDayBounds(day).start.toUTC().toISO()!
const utcEnd = (day: string) => storeDayBounds(day).end.toUTC().toISO()!

/** The distinct actions recorded so far, for the filter menu. */
export async function auditActions(): Promise<string[]> {
  const rows = await AuditEvent.query().distinct('action').orderBy('action')
  return rows.map((row) => row.action)
}
