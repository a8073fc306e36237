import { BaseEvent } from '@adonisjs/core/events'
import type { Actor } from '#audit/actor'
import type { Change } from '#audit/change'

/** What the audit log needs from any business event. */
export interface AuditEntry {
  action: string
  actor: Actor
  subjectType: string
  subjectId: string | number | null
  change: Change
}

/**
 * Base of every business event (past tense: ProductPublished). Each one knows
 * how it reads in the audit log, so a single listener records them all.
 */
export abstract class BusinessEvent extends BaseEvent {
  abstract toAuditEntry(): AuditEntry
}

/**
 * An event about one record (a product, a seller, a customer): the record,
 * who acted, and what changed. Subclasses only name the action.
 */
export abstract class SubjectEvent<Subject extends { id: number }> extends BusinessEvent {
  static action: string
  static subjectType: string

  constructor(
    readonly subject: Subject,
    readonly actor: Actor,
    readonly change: Change = { before: {}, after: {} }
  ) {
    super()
  }

  toAuditEntry(): AuditEntry {
    const { action, subjectType } = this.constructor as typeof SubjectEvent
    return {
      action,
      actor: this.actor,
      subjectType,
      subjectId: this.subject.id,
      change: this.change,
    }
  }
}
