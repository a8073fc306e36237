import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { KakaoPayServer } from '#tests/fixtures/servers/kakaopay_server'
import { SHOP_URL, localKakaoPay, pathOf, useLocalProviders } from '#tests/helpers/payments'
import { holdingKey, placedOrder } from '#tests/helpers/shop'

const server = await new KakaoPayServer('DEV_SECRET_KEY_storefront').start()

/*
 * The storefront's side of KakaoPay against a local KakaoPay server: the
 * checkout's redirect, the shopper's approval on Kakao's page, and the
 * return URL that confirms the payment.
 */
test.group('Web | paying with KakaoPay', (group) => {
  useLocalProviders(group, {
    servers: [server],
    adapters: { kakaopay: localKakaoPay(server) },
    appUrl: SHOP_URL,
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
