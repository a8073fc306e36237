import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Walks the audit log's hash chain and reports the first tampered or missing
 * row. Exits non-zero when the chain is broken, so it can run from cron or CI.
 */
export default class AuditVerify extends BaseCommand {
  static commandName = 'audit:verify'
  static description = 'Verify that the audit log has not been modified, reordered or truncated'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { verifyAuditChain } = await import('#audit/chain_verifier')
    const report = await verifyAuditChain()
    if (report.ok) {
      this.logger.success(`Audit log intact: ${report.rows} events verified`)
      return
    }
    this.logger.error(`${report.message} (${report.rows} events verified before it)`)
    this.exitCode = 1
  }
}
