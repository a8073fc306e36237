import { BaseEvent } from '@adonisjs/core/events'
import emitter from '@adonisjs/core/services/emitter'
import logger from '@adonisjs/core/services/logger'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { Actor } from '#audit/actor'
import type { Change } from '#audit/change'
import { appendAuditEntry, type AuditEntry } from '#audit/audit_log'

/**
 * Base of every business event (past tense: ProductPublished). Each one knows
 * how it reads in the audit log. An event is recorded, never merely
 * dispatched: `record(trx)` writes its audit row in the transaction that
 * makes the change, and listeners (mails, alerts) hear it once that
 * transaction commits. A rolled-back change leaves neither a row nor a mail.
 */
export abstract class BusinessEvent extends BaseEvent {
  abstract toAuditEntry(): AuditEntry

  /** Business events must be recorded with their change: see `record`. */
  static async dispatch(..._args: any[]): Promise<void> {
    throw new Error(
      `${this.name} is a business event: record it in the transaction that makes the change with ${this.name}.record(trx, …)`
    )
  }

  /**
   * Appends this event to the audit log inside `trx` and announces it to the
   * listeners after `trx` commits. With `announce: 'later'` the caller
   * announces it itself, once what the listeners need is in place (the
   * order confirmation waits for the payment instructions).
   */
  async record(
    trx: TransactionClientContract,
    options: { announce?: 'on_commit' | 'later' } = {}
  ): Promise<this> {
    await appendAuditEntry(trx, this.toAuditEntry())
    if (options.announce !== 'later') trx.after('commit', () => this.announce())
    return this
  }

  /**
   * Emits the event to its listeners. Their failures are logged, not thrown:
   * the change they react to is already committed.
   */
  async announce(): Promise<void> {
    try {
      await emitter.emit(this.constructor as new (...args: any[]) => BusinessEvent, this)
    } catch (error) {
      logger.error({ err: error, event: this.constructor.name }, 'a business event listener failed')
    }
  }
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

  /** Records `new this(subject, actor, change)` in `trx`: `ProductUpdated.record(trx, product, actor, change)`. */
  static record<Subject extends { id: number }, Event extends SubjectEvent<Subject>>(
    this: new (subject: Subject, actor: Actor, change?: Change) => Event,
    trx: TransactionClientContract,
    subject: Subject,
    actor: Actor,
    change?: Change
  ): Promise<Event> {
    return new this(subject, actor, change).record(trx)
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
