import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { shippingAddressFrom } from '#services/orders/shipping_address'
import { CheckoutService } from '#services/checkout/checkout_service'
import { checkoutValidator } from '#validators/checkout'
import PaymentTransformer from '#transformers/payment_transformer'
import { SYSTEM_ACTOR, actorFor } from '#audit/actor'

/**
 * Placing an order through the Store API. A bearer token links the order to
 * the customer; guests get an access key to look it up later.
 */
@inject()
export default class CheckoutController {
  constructor(protected checkout: CheckoutService) {}

  async store({ request, response, auth, i18n }: HttpContext) {
    const input = await request.validateUsing(checkoutValidator)
    const user = (await auth.use('api').check()) ? auth.use('api').user! : null
    const { order, payment, accessKey } = await this.checkout.place(
      {
        ...input,
        shippingAddress: shippingAddressFrom(input.shippingAddress),
        user,
        locale: i18n.locale,
      },
      user ? actorFor(user) : { ...SYSTEM_ACTOR, role: 'customer' }
    )
    return response.status(201).send({
      data: {
        orderNumber: order.number,
        status: order.status,
        accessKey,
        totals: {
          subtotal: order.subtotal,
          shipping: order.shippingTotal,
          grandTotal: order.grandTotal,
          currency: order.currency,
        },
        payment: new PaymentTransformer(payment).toObject(),
      },
    })
  }
}
