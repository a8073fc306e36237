import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Walks the audit log's keyed hash chain and checks it against every anchor
 * (config/audit.ts), reporting the first tampered, missing or removed row.
 * Exits non-zero when the chain is broken, so it can run from cron or CI.
 */
export default class AuditVerify extends BaseCommand {
  static commandName = 'audit:verify'
  static description = 'Verify that the audit log has not been modified, reordered or truncated'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { verifyAuditChain } = await import('#audit/chain_verifier')
    const { configuredAnchorStore } = await import('#audit/anchoring')
    const { currentAnchors } = await import('#audit/anchors')
    const store = configuredAnchorStore()
    const anchors = currentAnchors(await store.list())
    for (const restore of anchors.filter((anchor) => anchor.restored)) {
      this.logger.info(
        `Restored from ${restore.restored} at event #${restore.eventId} on ${restore.anchoredAt}: anchors of the history it replaced are set aside`
      )
    }
    const report = await verifyAuditChain({ anchors })
    if (report.ok) {
      this.logger.success(
        `Audit log intact: ${report.rows} events verified against ${anchors.length} anchors`
      )
      if (!anchors.length) {
        this.logger.warning(
          `No anchors in ${store.location}: run "node ace audit:anchor" (the queue worker does it hourly)`
        )
      }
      return
    }
    this.logger.error(`${report.message} (${report.rows} events verified before it)`)
    this.exitCode = 1
  }
}
