import type { Actor } from '#audit/actor'
import type { AuditEntry } from '#audit/audit_log'
import { BusinessEvent } from '#events/business_event'
import type { FailedJob } from '#observability/queue_inspector'

/**
 * An operator acted on a failed queued job from the back office. The audit
 * row names the job (id, name, queue) and its last error, never its payload.
 */
export abstract class QueueJobEvent extends BusinessEvent {
  static action: string
  /** The job's status once the action is done. */
  static outcome: string

  constructor(
    readonly job: FailedJob,
    readonly actor: Actor
  ) {
    super()
  }

  toAuditEntry(): AuditEntry {
    const { action, outcome } = this.constructor as typeof QueueJobEvent
    const { queue, name, attempts, error } = this.job
    return {
      action,
      actor: this.actor,
      subjectType: 'queue_job',
      subjectId: this.job.id,
      change: {
        before: { queue, name, attempts, error, status: 'failed' },
        after: { status: outcome },
      },
    }
  }
}
