import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { QueueManager } from '@adonisjs/queue'
import AuditEvent from '#models/audit_event'
import Payment from '#models/payment'
import { UserFactory } from '#database/factories/index'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { createListing, stockOf } from '#tests/helpers/commerce'
import { placeOrder, placePaidOrder, statusOf } from '#tests/functional/orders/helpers'
import { withParticle } from '#formatting/korean_particles'

test.group('Back office | receiving bank transfers (입금 확인)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('counts orders awaiting a bank transfer on the dashboard', async ({ client, assert }) => {
    const staff = await UserFactory.apply('staff').create()
    const { variant } = await createListing({ stock: 10 })
    await placeOrder([{ variant }])
    await placeOrder([{ variant }])
    await placeOrder([{ variant }], { paymentMethod: 'test_card' })
    await placePaidOrder([{ variant }])

    const dashboard = await client.get('/admin').loginAs(staff)
    assert.include(dashboard.text(), 'data-test="awaiting-deposit">2</strong>')
    assert.include(
      dashboard.text(),
      '/admin/orders?status=pending_payment&amp;method=bank_transfer'
    )
  })

  test('marks a deposit received, which pays the order', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { variant } = await createListing({ stock: 5 })
    const { order, payment } = await placeOrder([{ variant, quantity: 2 }])

    const response = await client
      .post(`/admin/payments/${payment.id}/receive`)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', `/admin/orders/${order.id}`)
    response.assertFlashMessage(
      'success',
      `입금을 확인했습니다. 주문 ${withParticle(order.number, '이(가)')} 결제 완료되었습니다.`
    )

    await payment.refresh()
    await order.refresh()
    assert.equal(payment.status, PaymentStatus.Captured)
    assert.equal(payment.capturedAmount, order.grandTotal)
    assert.equal(order.status, OrderStatus.Paid)
    assert.equal(await stockOf(variant.id), 3)
    const event = await AuditEvent.findByOrFail('action', 'payment.captured')
    assert.equal(event.actorId, admin.id)
    assert.lengthOf(await AuditEvent.query().where('action', 'order.paid'), 1)
  })

  test('refuses to mark the same deposit received twice', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { variant } = await createListing({ stock: 5 })
    const { order, payment } = await placeOrder([{ variant }])
    const receive = () =>
      client
        .post(`/admin/payments/${payment.id}/receive`)
        .loginAs(admin)
        .withCsrfToken()
        .redirects(0)

    await receive()
    const again = await receive()
    again.assertFlashMessage(
      'error',
      '입금 대기 중인 결제가 아닙니다. 이미 확인되었거나 취소된 결제입니다.'
    )
    assert.equal(await statusOf(order), OrderStatus.Paid)
    assert.lengthOf(await AuditEvent.query().where('action', 'payment.captured'), 1)
    assert.lengthOf(await AuditEvent.query().where('action', 'order.paid'), 1)

    const page = await client.get(`/admin/orders/${order.id}`).loginAs(admin)
    assert.notInclude(page.text(), 'data-test="receive"')
  })

  test('refuses to mark a card payment received', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { variant } = await createListing({ stock: 5 })
    const { order, payment } = await placeOrder([{ variant }], { paymentMethod: 'test_card' })

    const response = await client
      .post(`/admin/payments/${payment.id}/receive`)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage('error', '무통장입금 결제만 입금 확인할 수 있습니다.')
    assert.equal(await statusOf(payment), PaymentStatus.Pending)
    assert.equal(await statusOf(order), OrderStatus.PendingPayment)
  })

  test('refuses to receive a deposit for a canceled order', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const { variant } = await createListing({ stock: 5 })
    const { order, payment } = await placeOrder([{ variant }])
    await client
      .post(`/admin/orders/${order.id}/cancel`)
      .form({ reason: '중복 주문' })
      .loginAs(admin)
      .withCsrfToken()

    const response = await client
      .post(`/admin/payments/${payment.id}/receive`)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage(
      'error',
      '입금 대기 중인 결제가 아닙니다. 이미 확인되었거나 취소된 결제입니다.'
    )
    assert.equal(await statusOf(order), OrderStatus.Canceled)
    assert.lengthOf(await Payment.query().where('status', PaymentStatus.Captured), 0)
  })

  test('gives a deposit back when the order expired just before it was marked received', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { variant } = await createListing({ stock: 5 })
    const { order, payment } = await placeOrder([{ variant }])
    // The expiry moved the order a moment before the operator's click reached the payment.
    await db.from('orders').where('id', order.id).update({ status: OrderStatus.Canceled })

    const response = await client
      .post(`/admin/payments/${payment.id}/receive`)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage(
      'error',
      `주문 ${withParticle(order.number, '이(가)')} 이미 만료되어, 확인한 입금액은 환불 처리되었습니다.`
    )
    await payment.refresh()
    assert.equal(payment.status, PaymentStatus.Refunded)
    assert.equal(payment.refundedAmount, payment.capturedAmount)
    assert.lengthOf(await AuditEvent.query().where('action', 'order.paid'), 0)
  })

  test('answers 404 for a payment that does not exist', async ({ client }) => {
    const admin = await UserFactory.apply('admin').create()
    const response = await client
      .post('/admin/payments/999999/receive')
      .loginAs(admin)
      .withCsrfToken()
    response.assertStatus(404)
  })
})
