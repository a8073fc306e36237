import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type Order from '#models/order'
import type Payment from '#models/payment'
import { PaymentService } from '#services/payments/payment_service'
import { PaymentProviderUnavailableException } from '#payments/errors'
import { TEST_CARDS } from '#payments/adapters/test_cards'
import { InvalidTransitionException } from '#lifecycles/state_machine'
import { testCardValidator } from '#validators/cart_web'
import { flashOutcome, isOpen, shopperActor, viewerPayment } from '#services/shop/order_pages'

const ADAPTER = 'test_card'

/** The card form's inputs, in order; their values are never rendered back. */
const CARD_FIELDS = [
  { name: 'cardNumber', autocomplete: 'cc-number', placeholder: '4242 4242 4242 4242' },
  { name: 'expiry', autocomplete: 'cc-exp', placeholder: 'MM/YY' },
  { name: 'cvc', autocomplete: 'cc-csc', placeholder: '123' },
]

/**
 * The test-card adapter's hosted page: a sandbox card form for one payment
 * attempt, for the order's owner only. The card fields go straight to the
 * adapter; they are never flashed, stored or echoed back into the form.
 */
@inject()
export default class TestCardController {
  constructor(protected payments: PaymentService) {}

  async show(ctx: HttpContext) {
    const { payment, order } = await viewerPayment(ctx, ADAPTER)
    if (!isOpen(payment)) return this.#toOrder(ctx, order)
    return this.#form(ctx, payment, order, {})
  }

  async store(ctx: HttpContext) {
    const { request, response, session, i18n, auth } = ctx
    const { payment, order } = await viewerPayment(ctx, ADAPTER)
    if (!isOpen(payment)) return this.#toOrder(ctx, order)

    const [invalid, card] = await testCardValidator.tryValidate(
      request.only(['cardNumber', 'expiry', 'cvc']),
      { messagesProvider: i18n.createMessagesProvider() }
    )
    if (invalid) {
      const errors: Record<string, string[]> = {}
      for (const { field, message } of invalid.messages as { field: string; message: string }[]) {
        errors[field] = [...(errors[field] ?? []), message]
      }
      response.status(422)
      return this.#form(ctx, payment, order, errors)
    }

    try {
      flashOutcome(ctx, await this.payments.confirm(payment, card, shopperActor(auth.user)))
    } catch (error) {
      if (error instanceof PaymentProviderUnavailableException) {
        session.flash('error', i18n.t('shop.payment.unavailable'))
        return response.redirect().toRoute('payments.test_card.show', {
          attemptId: payment.attemptId,
        })
      }
      // Paid or failed a moment ago (a double submit): the order page tells which.
      if (!(error instanceof InvalidTransitionException)) throw error
    }
    return this.#toOrder(ctx, order)
  }

  #form({ view }: HttpContext, payment: Payment, order: Order, errors: Record<string, string[]>) {
    return view.render('pages/payments/test_card', {
      payment,
      order,
      fields: CARD_FIELDS.map((field) => ({ ...field, errors: errors[field.name] ?? [] })),
      testCards: Object.entries(TEST_CARDS).map(([number, behaviour]) => ({
        number: number.replace(/(\d{4})(?=\d)/g, '$1 '),
        behaviour,
      })),
    })
  }

  #toOrder({ response }: HttpContext, order: Order) {
    return response.redirect().toRoute('orders.show', { number: order.number })
  }
}
