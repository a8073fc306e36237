import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import app from '@adonisjs/core/services/app'
import { QueueManager } from '@adonisjs/queue'
import { DateTime } from 'luxon'
import Order from '#models/order'
import Payment from '#models/payment'
import { UserFactory } from '#database/factories/index'
import { SYSTEM_ACTOR } from '#audit/actor'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { SellerOrderStatus } from '#lifecycles/seller_order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { PaymentService } from '#services/payments/payment_service'
import { stockOf } from '#tests/helpers/commerce'
import { holdingKey, markPaid, placedOrder, shipAll } from '#tests/helpers/shop'

test.group('Web | order page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
  })

  test('the key from the email link opens a guest’s order and is remembered', async ({
    client,
    assert,
  }) => {
    const { order, accessKey } = await placedOrder()
    const response = await client.get(`/orders/${order.number}?key=${accessKey}`)
    response.assertStatus(200)
    response.assertTextIncludes(order.number)
    response.assertTextIncludes('결제 대기')
    response.assertTextIncludes('입금 안내')
    response.assertTextIncludes('장터은행')
    assert.match(response.text(), /data-test="transfer-amount">\s*₩23,000\s*</)
    response.assertTextIncludes('기본 배송비')
    response.assertTextIncludes('서울특별시 강남구 테헤란로 152')
    assert.equal(response.session(`shop.orderKeys.${order.number}`), accessKey)
  })

  test('the key the session holds opens the order', async ({ client }) => {
    const { order, accessKey } = await placedOrder()
    const response = await client
      .get(`/orders/${order.number}`)
      .withSession(holdingKey(order.number, accessKey))
    response.assertStatus(200)
    response.assertTextIncludes('data-test="cancel-order"')
  })

  test('someone else’s order does not exist', async ({ client, assert }) => {
    const owner = await UserFactory.create()
    const stranger = await UserFactory.create()
    const { order } = await placedOrder({ user: owner })
    const guestOrder = await placedOrder()
    const otherGuest = await placedOrder()

    const attempts = [
      client.get(`/orders/${order.number}`),
      client.get(`/orders/${order.number}`).loginAs(stranger),
      client.get(`/orders/${order.number}?key=guess`),
      client.get(`/orders/${guestOrder.order.number}?key=${otherGuest.accessKey}`),
      client
        .get(`/orders/${guestOrder.order.number}`)
        .withSession(holdingKey(guestOrder.order.number, otherGuest.accessKey)),
    ]
    const statuses = []
    for (const attempt of attempts) {
      const response = await attempt
      statuses.push(response.status())
    }
    assert.deepEqual(statuses, [404, 404, 404, 404, 404])
    const own = await client.get(`/orders/${order.number}`).loginAs(owner)
    own.assertStatus(200)
  })

  test('shows each parcel’s carrier, a tracking link and the 구매확정 button once shipped', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.create()
    const { order, payment } = await placedOrder({ user })
    await markPaid(payment)
    await shipAll(order.id)

    const response = await client.get(`/orders/${order.number}`).loginAs(user)
    response.assertStatus(200)
    response.assertTextIncludes('CJ대한통운')
    response.assertTextIncludes(
      'href="https://trace.cjlogistics.com/next/tracking.html?wblNo=6123-4567-8901"'
    )
    response.assertTextIncludes('배송 중')
    response.assertTextIncludes('data-test="confirm-purchase"')
    assert.notInclude(response.text(), 'data-test="cancel-order"')
  })
})

test.group('Web | order actions', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
  })

  test('a guest cancels an unpaid order and the stock goes back', async ({ client, assert }) => {
    const { order, accessKey, variant } = await placedOrder()
    assert.equal(await stockOf(variant.id), 3)

    const response = await client
      .post(`/orders/${order.number}/cancel`)
      .withSession(holdingKey(order.number, accessKey))
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', `/orders/${order.number}`)
    response.assertFlashMessage('success', '주문을 취소했습니다.')
    await order.refresh()
    assert.equal(order.status, OrderStatus.Canceled)
    assert.equal(order.cancelReason, 'customer_canceled')
    assert.equal(await stockOf(variant.id), 5)

    const page = await client
      .get(`/orders/${order.number}`)
      .withSession(holdingKey(order.number, accessKey))
    page.assertTextIncludes('고객님의 요청으로 취소되었습니다.')
  })

  test('a paid order is not canceled from the order page', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const { order, payment } = await placedOrder({ user })
    await markPaid(payment)

    const response = await client
      .post(`/orders/${order.number}/cancel`)
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('error', '이 주문은 더 이상 취소할 수 없습니다.')
    await order.refresh()
    assert.equal(order.status, OrderStatus.Paid)
  })

  test('nobody else cancels or confirms an order', async ({ client, assert }) => {
    const stranger = await UserFactory.create()
    const { order, payment } = await placedOrder()
    const [sellerOrder] = order.sellerOrders

    const cancel = await client
      .post(`/orders/${order.number}/cancel`)
      .loginAs(stranger)
      .withCsrfToken()
    cancel.assertStatus(404)
    await markPaid(payment)
    await shipAll(order.id)
    const confirm = await client
      .post(`/orders/${order.number}/sellers/${sellerOrder.id}/confirm`)
      .withCsrfToken()
    confirm.assertStatus(404)
    await order.refresh()
    await sellerOrder.refresh()
    assert.equal(order.status, OrderStatus.Fulfilled)
    assert.equal(sellerOrder.status, SellerOrderStatus.Shipped)
  })

  test('구매확정 of a shipped parcel completes the order', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const { order, payment } = await placedOrder({ user })
    await markPaid(payment)
    await shipAll(order.id)
    const [sellerOrder] = order.sellerOrders

    const response = await client
      .post(`/orders/${order.number}/sellers/${sellerOrder.id}/confirm`)
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    assert.include(response.flashMessage('success'), '구매를 확정했습니다')
    await Promise.all([order.refresh(), sellerOrder.refresh()])
    assert.equal(sellerOrder.status, SellerOrderStatus.PurchaseConfirmed)
    assert.equal(order.status, OrderStatus.Completed)
  })

  test('구매확정 before shipping is refused and changes nothing', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const { order, payment } = await placedOrder({ user })
    await markPaid(payment)
    const [sellerOrder] = order.sellerOrders

    const response = await client
      .post(`/orders/${order.number}/sellers/${sellerOrder.id}/confirm`)
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('error', '이 상품은 지금 구매확정할 수 없습니다.')
    await sellerOrder.refresh()
    assert.equal(sellerOrder.status, SellerOrderStatus.ToShip)
  })

  test('a parcel of another order is a 404', async ({ client }) => {
    const user = await UserFactory.create()
    const mine = await placedOrder({ user })
    const other = await placedOrder()
    const response = await client
      .post(`/orders/${mine.order.number}/sellers/${other.order.sellerOrders[0].id}/confirm`)
      .loginAs(user)
      .withCsrfToken()
    response.assertStatus(404)
  })

  test('pays again after a declined card with a new attempt', async ({ client, assert }) => {
    const { order, payment, accessKey } = await placedOrder({ paymentMethod: 'test_card' })
    const payments = await app.container.make(PaymentService)
    await payments.confirm(
      payment,
      { cardNumber: '4000000000000002', expiry: '12/34', cvc: '123' },
      SYSTEM_ACTOR
    )
    const page = await client
      .get(`/orders/${order.number}`)
      .withSession(holdingKey(order.number, accessKey))
    page.assertTextIncludes('data-test="pay-again"')
    page.assertTextIncludes('카드사에서 승인을 거절했습니다')

    const response = await client
      .post(`/orders/${order.number}/pay`)
      .form({ paymentMethod: 'test_card' })
      .withSession(holdingKey(order.number, accessKey))
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    const attempts = await Payment.query().where('orderId', order.id).orderBy('id')
    assert.lengthOf(attempts, 2)
    assert.equal(attempts[1].status, PaymentStatus.Pending)
    response.assertHeader('location', `/payments/test-card/${attempts[1].attemptId}`)
  })

  test('pay again is refused while an attempt is open, or with an unknown method', async ({
    client,
    assert,
  }) => {
    const { order, accessKey } = await placedOrder({ paymentMethod: 'test_card' })
    const open = await client
      .post(`/orders/${order.number}/pay`)
      .form({ paymentMethod: 'test_card' })
      .withSession(holdingKey(order.number, accessKey))
      .withCsrfToken()
      .redirects(0)
    open.assertFlashMessage(
      'error',
      '지금은 이 주문을 결제할 수 없습니다. 페이지를 새로 고쳐 확인해 주세요.'
    )

    const unknown = await client
      .post(`/orders/${order.number}/pay`)
      .header('referer', `/orders/${order.number}`)
      .form({ paymentMethod: 'free_money' })
      .withSession(holdingKey(order.number, accessKey))
      .withCsrfToken()
      .redirects(0)
    assert.property(unknown.flashMessage('inputErrorsBag'), 'paymentMethod')
    assert.lengthOf(await Payment.query().where('orderId', order.id), 1)
  })
})

test.group('Web | order history', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
  })

  test('lists the customer’s own orders, newest first, with links', async ({ client, assert }) => {
    const user = await UserFactory.create()
    const older = await placedOrder({ user })
    await Order.query()
      .where('id', older.order.id)
      .update({ createdAt: DateTime.now().minus({ days: 2 }).toSQL({ includeOffset: false }) })
    const newer = await placedOrder({ user })
    const someoneElses = await placedOrder()

    const response = await client.get('/account/orders').loginAs(user)
    response.assertStatus(200)
    const html = response.text()
    assert.isBelow(html.indexOf(newer.order.number), html.indexOf(older.order.number))
    assert.notInclude(html, someoneElses.order.number)
    response.assertTextIncludes(`href="/orders/${newer.order.number}"`)
    response.assertTextIncludes('₩23,000')

    const account = await client.get('/account').loginAs(user)
    account.assertTextIncludes('href="/account/orders"')
  })

  test('asks guests to sign in and refuses a malformed page', async ({ client }) => {
    const guest = await client.get('/account/orders').redirects(0)
    guest.assertStatus(302)
    guest.assertHeader('location', '/login')

    const user = await UserFactory.create()
    const malformed = await client.get('/account/orders?page=zero').loginAs(user)
    malformed.assertStatus(422)
  })

  test('shows an empty history', async ({ client }) => {
    const user = await UserFactory.create()
    const response = await client.get('/account/orders').loginAs(user)
    response.assertStatus(200)
    response.assertTextIncludes('data-test="history-empty"')
  })
})
