import type { ApplicationService } from '@adonisjs/core/types'
import { PaymentManager } from '../app/payments/payment_manager.js'
import type { PaymentsConfig } from '../app/payments/define_config.js'

/** Registers the payment manager over the adapters in config/payments.ts. */
export default class PaymentsProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton(PaymentManager, () => {
      const config = this.app.config.get<PaymentsConfig>('payments')
      return new PaymentManager(config)
    })
  }
}
