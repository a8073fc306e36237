import AuditEvent from '#models/audit_event'

export interface AuditFilters {
  actorId?: number
  actorRole?: string
  action?: string
  subjectType?: string
  subjectId?: string
  /** Inclusive ISO dates (YYYY-MM-DD), compared in UTC. */
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
    .if(filters.from, (query) => query.where('occurred_at', '>=', `${filters.from}T00:00:00.000Z`))
    .if(filters.to, (query) => query.where('occurred_at', '<=', `${filters.to}T23:59:59.999Z`))
    .orderBy('id', 'desc')
    .paginate(filters.page ?? 1, Math.min(100, filters.perPage ?? 50))
}

/** The distinct actions recorded so far, for the filter menu. */
export async function auditActions(): Promise<string[]> {
  const rows = await AuditEvent.query().distinct('action').orderBy('action')
  return rows.map((row) => row.action)
}
