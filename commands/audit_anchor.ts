import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Records the audit chain's head (event id, hash, time) in the anchor store
 * (config/audit.ts), after checking the rows written since the last anchor.
 * Exits non-zero when those rows do not verify; nothing is anchored then.
 */
export default class AuditAnchor extends BaseCommand {
  static commandName = 'audit:anchor'
  static description = 'Record the head of the audit chain where the database cannot rewrite it'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { anchorAuditChain, configuredAnchorStore } = await import('#audit/anchoring')
    const store = configuredAnchorStore()
    const outcome = await anchorAuditChain(store)
    if (outcome.status === 'refused') {
      this.logger.error(`Not anchored: ${outcome.report.message}`)
      this.exitCode = 1
    } else if (outcome.status === 'unchanged') {
      this.logger.info(
        outcome.anchor
          ? `Nothing new since event #${outcome.anchor.eventId} was anchored`
          : 'The audit log is empty; nothing to anchor'
      )
    } else {
      this.logger.success(`Anchored event #${outcome.anchor.eventId} in ${store.location}`)
    }
  }
}
