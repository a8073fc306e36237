import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import type Payment from '#models/payment'
import { PaymentManager } from '#payments/payment_manager'
import { NaverPayAdapter } from '#payments/adapters/naverpay_adapter'
import { isOpen, viewerPayment } from '#services/shop/order_pages'

const ADAPTER = 'naverpay'

/**
 * The NaverPay payment page for one payment attempt, for the order's owner
 * only: it loads the NaverPay JS SDK and opens the payment window with what
 * the adapter asked for. NaverPay sends the shopper back to the return URL,
 * paid or not; the order page then tells which.
 */
@inject()
export default class NaverpayPaymentsController {
  constructor(protected manager: PaymentManager) {}

  async show(ctx: HttpContext) {
    const { response, view } = ctx
    const { payment, order } = await viewerPayment(ctx, ADAPTER)
    if (!isOpen(payment))
      return response.redirect().toRoute('orders.show', { number: order.number })
    const adapter = this.manager.use(ADAPTER)
    const session = sessionQuery(payment)
    if (!(adapter instanceof NaverPayAdapter) || !session.merchantPayKey) {
      throw new Exception('Payment not found', { status: 404, code: 'E_ROW_NOT_FOUND' })
    }
    await order.load('items')
    const { jsUrl, ...keys } = adapter.page
    return view.render('pages/payments/naverpay', {
      payment,
      order,
      jsUrl,
      sdk: {
        ...keys,
        merchantPayKey: session.merchantPayKey,
        productName: session.productName,
        productCount: order.items.reduce((count, item) => count + item.quantity, 0) || 1,
        totalPayAmount: Number(session.totalPayAmount),
        taxScopeAmount: Number(session.taxScopeAmount),
        taxExScopeAmount: Number(session.taxExScopeAmount),
        returnUrl: session.returnUrl,
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
