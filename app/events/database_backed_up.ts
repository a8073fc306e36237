import { BusinessEvent } from '#events/business_event'
import { SYSTEM_ACTOR, type Actor } from '#audit/actor'
import type { AuditEntry } from '#audit/audit_log'

/** A backup of the database was written (`node ace db:backup`, or the scheduled job). */
export default class DatabaseBackedUp extends BusinessEvent {
  constructor(
    readonly backup: { name: string; directory: string; bytes: number },
    readonly actor: Actor = SYSTEM_ACTOR
  ) {
    super()
  }

  toAuditEntry(): AuditEntry {
    const { name, directory, bytes } = this.backup
    return {
      action: 'database.backed_up',
      actor: this.actor,
      subjectType: 'backup',
      subjectId: name,
      change: { before: {}, after: { directory, bytes } },
    }
  }
}
