import { AuditEventSchema } from '#database/schema'

/**
 * One row of the append-only, hash-chained audit log. Rows are written only
 * by the AuditLog service and never updated.
 */
export default class AuditEvent extends AuditEventSchema {
  /** The parsed { before, after } diff. */
  get diff(): { before: Record<string, unknown>; after: Record<string, unknown> } {
    return JSON.parse(this.changes)
  }
}
