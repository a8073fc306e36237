import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { PaymentWebhooks } from '#services/payments/payment_webhooks'

/**
 * POST /webhooks/:adapter. The raw body goes to the adapter's signature
 * check; any verified delivery, a duplicate included, is acknowledged with
 * 200 so the provider stops retrying. A bad signature answers 400.
 */
@inject()
export default class PaymentWebhooksController {
  constructor(protected webhooks: PaymentWebhooks) {}

  async store({ params, request, response }: HttpContext) {
    const outcome = await this.webhooks.receive(params.adapter, {
      rawBody: request.raw() ?? '',
      headers: request.headers(),
    })
    return response.ok({ received: true, outcome })
  }
}
