import { DateTime } from 'luxon'
import { inject } from '@adonisjs/core'
import logger from '@adonisjs/core/services/logger'
import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import { inBatches } from '#jobs/orders/batches'
import { OrderService } from '#services/orders/order_service'

/**
 * Expires unpaid orders past their payment deadline and gives their stock
 * back (scheduled from start/scheduler.ts). Safe to run twice at once: each
 * order is expired by a conditional update, so only one run wins it.
 */
@inject()
export default class ExpireUnpaidOrders extends Job<Record<string, never>> {
  static options: JobOptions = {
    name: 'ExpireUnpaidOrders',
    queue: 'default',
    // The next scheduled run is the retry.
    maxRetries: 0,
    timeout: '5m',
  }

  constructor(protected orders: OrderService) {
    super()
  }

  async execute() {
    const expired = await inBatches((size) => this.orders.expireDue(DateTime.now(), size))
    logger[expired ? 'info' : 'debug']({ expired }, 'expired %d unpaid order(s)', expired)
  }
}
