import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import type Payment from '#models/payment'
import { PaymentManager } from '#payments/payment_manager'
import { TossAdapter } from '#payments/adapters/toss_adapter'
import { isOpen, viewerPayment } from '#services/shop/order_pages'

const ADAPTER = 'toss'
/** Toss's failUrl code and message are shown back, cut to a sane length. */
const FAILURE_MAX = 200

/**
 * The Toss Payments checkout page for one payment attempt, for the order's
 * owner only: it loads the Toss SDK v2 and opens the payment window (or the
 * card registration window when the shopper keeps the card). It is also the
 * failUrl: Toss's code and message are shown and the shopper can try again.
 */
@inject()
export default class TossPaymentsController {
  constructor(protected manager: PaymentManager) {}

  async show(ctx: HttpContext) {
    const { request, response, view } = ctx
    const { payment, order } = await viewerPayment(ctx, ADAPTER)
    if (!isOpen(payment))
      return response.redirect().toRoute('orders.show', { number: order.number })
    const adapter = this.manager.use(ADAPTER)
    const session = sessionQuery(payment)
    if (!(adapter instanceof TossAdapter) || !session.orderId) {
      throw new Exception('Payment not found', { status: 404, code: 'E_ROW_NOT_FOUND' })
    }
    const billing = session.flow === 'billing'
    const code = String(request.input('code', '')).slice(0, FAILURE_MAX)
    const message = String(request.input('message', '')).slice(0, FAILURE_MAX)
    return view.render('pages/payments/toss', {
      payment,
      order,
      billing,
      jsUrl: adapter.page.jsUrl,
      failure: code ? { code, message: message || code } : null,
      sdk: {
        clientKey: adapter.page.clientKey,
        customerKey: billing ? session.customerKey : null,
        flow: billing ? 'billing' : 'payment',
        orderId: session.orderId,
        orderName: session.orderName,
        amount: Number(session.amount),
        successUrl: session.successUrl,
        failUrl: session.failUrl,
        customerEmail: order.email,
        customerName: order.shippingAddress.name,
      },
    })
  }
}

/** What the adapter put in the session it started: the page's own, never the request's. */
function sessionQuery(payment: Payment): Record<string, string> {
  const next = payment.nextAction
  if (next?.type !== 'redirect' || !URL.canParse(next.url, 'http://jangteo.invalid')) return {}
  return Object.fromEntries(new URL(next.url, 'http://jangteo.invalid').searchParams)
}
