import logger from '@adonisjs/core/services/logger'
import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import { anchorAuditChain } from '#audit/anchoring'

/**
 * Anchors the audit chain's head on a schedule (start/scheduler.ts), like
 * `node ace audit:anchor`. A chain that no longer verifies is not anchored;
 * the failure is logged at error level for the alerting to pick up.
 */
export default class AnchorAuditChain extends Job<Record<string, never>> {
  static options: JobOptions = {
    name: 'AnchorAuditChain',
    queue: 'default',
    // The next scheduled run is the retry.
    maxRetries: 0,
    timeout: '15m',
  }

  async execute() {
    const outcome = await anchorAuditChain()
    if (outcome.status === 'refused') {
      logger.error({ problem: outcome.report }, 'the audit chain does not verify; not anchored')
    } else if (outcome.status === 'anchored') {
      logger.info({ anchor: outcome.anchor }, 'anchored audit event #%d', outcome.anchor.eventId)
    }
  }
}
