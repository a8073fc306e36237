import type { ApplicationService } from '@adonisjs/core/types'
import { PaymentManager } from '#payments/payment_manager'
import type { PaymentsConfig } from '#payments/define_config'

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
