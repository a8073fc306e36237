import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Expires unpaid orders past their payment deadline now, for operators and
 * for shops that drive the order jobs from cron instead of the queue
 * scheduler. Safe alongside the scheduled job: each order expires once.
 */
export default class OrdersExpire extends BaseCommand {
  static commandName = 'orders:expire'
  static description = 'Expire unpaid orders past their payment deadline and release their stock'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { DateTime } = await import('luxon')
    const { OrderService } = await import('#services/orders/order_service')
    const { inBatches } = await import('#jobs/orders/batches')
    const orders = await this.app.container.make(OrderService)
    const expired = await inBatches((size) => orders.expireDue(DateTime.now(), size))
    this.logger.success(`Expired ${expired} unpaid order(s)`)
  }
}
