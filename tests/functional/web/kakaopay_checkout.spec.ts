import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import config from '@adonisjs/core/services/config'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import { PaymentManager } from '#payments/payment_manager'
import type { PaymentsConfig } from '#payments/define_config'
import { kakaopayAdapter } from '#payments/adapters/kakaopay_adapter'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { KakaoPayServer } from '#tests/fixtures/servers/kakaopay_server'
import { holdingKey, placedOrder } from '#tests/helpers/shop'

const SECRET_KEY = 'DEV_SECRET_KEY_storefront'
const SHOP_URL = 'http://127.0.0.1:3334'

/** The path of an absolute URL the provider redirects the shopper to. */
function pathOf(url: string) {
  const parsed = new URL(url)
  return parsed.pathname + parsed.search
}

/*
 * The storefront's side of KakaoPay against a local KakaoPay server: the
 * checkout's redirect, the shopper's approval on Kakao's page, and the
 * return URL that confirms the payment.
 */
test.group('Web | paying with KakaoPay', (group) => {
  const server = new KakaoPayServer(SECRET_KEY)

  group.setup(async () => {
    await server.start()
    const payments = config.get<PaymentsConfig>('payments')
    const appUrl = config.get<string>('app.appUrl')
    // Providers need absolute return URLs (APP_URL in production).
    config.set('app.appUrl', SHOP_URL)
    app.container.swap(PaymentManager, () => {
      return new PaymentManager({
        ...payments,
        adapters: {
          ...payments.adapters,
          kakaopay: kakaopayAdapter({
            secretKey: SECRET_KEY,
            cid: 'TC0ONETIME',
            apiUrl: server.url,
          }),
        },
      })
    })
    return async () => {
      app.container.restore(PaymentManager)
      config.set('app.appUrl', appUrl)
      await server.close()
    }
  })
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('the shopper approves on Kakao’s page and comes back to a paid order', async ({
    client,
    assert,
  }) => {
    const { order, payment, accessKey } = await placedOrder({ paymentMethod: 'kakaopay' })
    assert.equal(payment.nextAction?.type, 'redirect')
    assert.isTrue(
      payment.nextAction?.type === 'redirect' && payment.nextAction.url.startsWith(server.url)
    )

    const back = server.approveAsShopper(payment.providerReference!)
    assert.isTrue(back.startsWith(`${SHOP_URL}/payments/${payment.attemptId}/return?pg_token=`))
    const session = holdingKey(order.number, accessKey)
    const response = await client.get(pathOf(back)).withSession(session).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', `/orders/${order.number}`)

    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(payment.status, PaymentStatus.Captured)
    assert.equal(payment.capturedAmount, order.grandTotal)
    assert.equal(order.status, OrderStatus.Paid)

    // Coming back a second time (reload, back button) approves nothing again.
    await client.get(pathOf(back)).withSession(session).redirects(0)
    assert.equal(server.approveCalls, 1)
  })

  test('a refusal on Kakao’s page fails the attempt and the order keeps waiting', async ({
    client,
    assert,
  }) => {
    const { order, payment, accessKey } = await placedOrder({ paymentMethod: 'kakaopay' })
    const back = server.failAsShopper(payment.providerReference!)

    const response = await client
      .get(pathOf(back))
      .withSession(holdingKey(order.number, accessKey))
      .redirects(0)
    response.assertStatus(302)

    await Promise.all([order.refresh(), payment.refresh()])
    assert.equal(payment.status, PaymentStatus.Failed)
    assert.equal(order.status, OrderStatus.PendingPayment)
  })

  test('someone else cannot confirm the attempt through its return URL', async ({
    client,
    assert,
  }) => {
    const { payment } = await placedOrder({ paymentMethod: 'kakaopay' })
    const back = server.approveAsShopper(payment.providerReference!)
    const response = await client.get(pathOf(back)).redirects(0)
    response.assertStatus(404)
    await payment.refresh()
    assert.equal(payment.status, PaymentStatus.Pending)
  })
})
