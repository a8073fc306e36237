import { DateTime } from 'luxon'
import { inject } from '@adonisjs/core'
import logger from '@adonisjs/core/services/logger'
import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import { inBatches } from '#jobs/orders/batches'
import { FulfillmentService } from '#services/orders/fulfillment_service'

/**
 * Confirms purchases (구매확정) the customer left open past the configured
 * days, which completes their orders (scheduled from start/scheduler.ts).
 */
@inject()
export default class AutoConfirmPurchases extends Job<Record<string, never>> {
  static options: JobOptions = {
    name: 'AutoConfirmPurchases',
    queue: 'default',
    // The next scheduled run is the retry.
    maxRetries: 0,
    timeout: '10m',
  }

  constructor(protected fulfillment: FulfillmentService) {
    super()
  }

  async execute() {
    const confirmed = await inBatches((size) =>
      this.fulfillment.autoConfirmDue(DateTime.now(), size)
    )
    logger[confirmed ? 'info' : 'debug']({ confirmed }, 'auto-confirmed %d purchase(s)', confirmed)
  }
}
