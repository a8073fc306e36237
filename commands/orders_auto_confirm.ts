import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Confirms purchases (구매확정) left open past the configured days now, for
 * operators and for shops that drive the order jobs from cron instead of the
 * queue scheduler. Safe alongside the scheduled job.
 */
export default class OrdersAutoConfirm extends BaseCommand {
  static commandName = 'orders:auto-confirm'
  static description = 'Confirm purchases delivered (or shipped) longer ago than configured'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { DateTime } = await import('luxon')
    const { FulfillmentService } = await import('#services/orders/fulfillment_service')
    const { inBatches } = await import('#jobs/orders/batches')
    const fulfillment = await this.app.container.make(FulfillmentService)
    const confirmed = await inBatches((size) => fulfillment.autoConfirmDue(DateTime.now(), size))
    this.logger.success(`Confirmed ${confirmed} purchase(s)`)
  }
}
