import type { BusinessEvent } from '#events/business_event'
import { appendAuditEntry } from '#audit/audit_log'

/**
 * Writes every business event to the hash-chained audit log, with the IP,
 * user agent and request id of the request that caused it.
 */
export default class RecordAuditEvent {
  async handle(event: BusinessEvent) {
    await appendAuditEntry(event.toAuditEntry())
  }
}
