import { BusinessEvent } from '#events/business_event'
import { SYSTEM_ACTOR, type Actor } from '#audit/actor'
import type { AuditEntry } from '#audit/audit_log'

/**
 * The database was replaced by a backup (`node ace db:restore`). Recorded
 * right after the restore, as the first row on top of the restored log, so
 * the chain stays whole and says which backup it continues from.
 */
export default class DatabaseRestored extends BusinessEvent {
  constructor(
    readonly backup: { name: string; file: string; eventsRestored: number },
    readonly actor: Actor = SYSTEM_ACTOR
  ) {
    super()
  }

  toAuditEntry(): AuditEntry {
    const { name, file, eventsRestored } = this.backup
    return {
      action: 'database.restored',
      actor: this.actor,
      subjectType: 'backup',
      // subject_id holds 40 characters; the whole path is in the change.
      subjectId: name.slice(0, 40),
      change: { before: {}, after: { file, eventsRestored } },
    }
  }
}
