import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import { inStoreZone } from '#formatting/store_time'
import { QueueManager } from '@adonisjs/queue'
import AuditEvent from '#models/audit_event'
import ShippingPolicyVersion from '#models/shipping_policy_version'
import { UserFactory } from '#database/factories/index'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { createListing, setPolicy, stockOf } from '#tests/helpers/commerce'
import {
  placeOrder,
  placePaidOrder,
  shipBackdated,
  statusOf,
} from '#tests/functional/orders/helpers'
import { withParticle } from '#formatting/korean_particles'

/** The order numbers on a list page, top to bottom. */
function listedNumbers(html: string) {
  return [...html.matchAll(/data-test="order-row" data-number="([^"]+)"/g)].map((m) => m[1])
}

test.group('Back office | order list', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('lists orders newest first and filters by status, method, number, email and date', async ({
    client,
    assert,
  }) => {
    const staff = await UserFactory.apply('staff').create()
    const { variant } = await createListing({ stock: 10 })
    const transfer = await placeOrder([{ variant }], { email: 'Transfer.Buyer@Example.com' })
    const card = await placeOrder([{ variant }], { paymentMethod: 'test_card' })
    const paid = await placePaidOrder([{ variant }])
    const numbers = [paid.order.number, card.order.number, transfer.order.number]

    const all = await client.get('/admin/orders').loginAs(staff)
    all.assertStatus(200)
    assert.deepEqual(listedNumbers(all.text()), numbers)

    const search = async (qs: Record<string, string>) => {
      const response = await client.get('/admin/orders').qs(qs).loginAs(staff)
      return listedNumbers(response.text())
    }
    assert.deepEqual(await search({ status: OrderStatus.Paid }), [paid.order.number])
    assert.deepEqual(await search({ method: 'test_card' }), [card.order.number])
    assert.deepEqual(await search({ q: card.order.number.toLowerCase() }), [card.order.number])
    assert.deepEqual(await search({ q: 'transfer.buyer@example.COM' }), [transfer.order.number])
    // Filter days are the store's (Asia/Seoul unless STORE_TIMEZONE says otherwise).
    const today = inStoreZone(DateTime.now()).toISODate()!
    assert.lengthOf(await search({ from: today, to: today }), 3)
    assert.deepEqual(await search({ from: '2020-01-01', to: '2020-01-31' }), [])
  })

  test('shows an empty list in English when nothing matches', async ({ client }) => {
    const staff = await UserFactory.apply('staff').create()
    const page = await client
      .get('/admin/orders')
      .qs({ q: 'nobody@example.com' })
      .cookie('jangteo-locale', 'en')
      .loginAs(staff)
    page.assertStatus(200)
    page.assertTextIncludes('No orders match these filters.')
  })

  test('rejects malformed filters with 422 and field errors', async ({ client }) => {
    const staff = await UserFactory.apply('staff').create()
    const response = await client
      .get('/admin/orders')
      .qs({ from: '2026-02-10', to: '2026-02-01', status: 'lost' })
      .header('referer', '/admin/orders')
      .loginAs(staff)
      .redirects(0)
    response.assertStatus(422)
    response.assertTextIncludes('data-field="to"')
    response.assertTextIncludes('data-field="status"')
    response.assertTextIncludes('href="/admin/orders"')
    response.assertTextIncludes('종료일은 시작일 이후여야 합니다')
    response.assertTextIncludes('선택한 상태가 올바르지 않습니다')
  })
})

test.group('Back office | one order', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('shows customer, parcels with fees and quoted policy version, payments and history', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const customer = await UserFactory.create()
    const first = await createListing({ price: 12_000, stock: 5 })
    const second = await createListing({ price: 30_000, stock: 5 })
    const quoted = await setPolicy(first.seller, 'domestic', 'flat', { amount: 3000 })
    const { order } = await placeOrder(
      [
        { variant: first.variant, quantity: 2 },
        { variant: second.variant, quantity: 1 },
      ],
      { user: customer }
    )
    // The seller changes their policy afterwards; the order keeps the version it was quoted with.
    quoted.isCurrent = false
    await quoted.save()
    await ShippingPolicyVersion.create({
      sellerId: first.seller.id,
      scope: 'domestic',
      code: 'flat',
      options: { amount: 4000 },
      version: quoted.version + 1,
      isCurrent: true,
    })

    const page = await client.get(`/admin/orders/${order.id}`).loginAs(admin)
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, order.number)
    assert.include(html, customer.fullName)
    assert.include(html, customer.email)
    assert.include(html, '홍길동')
    assert.include(html, first.seller.name)
    assert.include(html, second.seller.name)
    assert.include(html, first.product.title)
    assert.include(html, '₩24,000')
    assert.include(html, `· v${quoted.version}`)
    assert.notInclude(html, `· v${quoted.version + 1}`)
    assert.include(html, '기본 배송비: ₩3,000')
    assert.include(html, '스토어 기본 배송 정책')
    assert.include(html, '무통장입금')
    assert.include(html, 'data-test="receive"')
    assert.include(html, 'data-action="order.placed"')
    assert.include(html, 'data-action="payment.initiated"')
  })

  test('answers 404 for an order that does not exist', async ({ client }) => {
    const staff = await UserFactory.apply('staff').create()
    const response = await client.get('/admin/orders/999999').loginAs(staff)
    response.assertStatus(404)
  })

  test('is for staff and admins: customers and sellers get 403, guests the login page', async ({
    client,
    assert,
  }) => {
    const { variant, seller } = await createListing({ stock: 5 })
    const { order, payment } = await placeOrder([{ variant }])
    const customer = await UserFactory.create()
    const { default: SellerMember } = await import('#models/seller_member')
    const member = await SellerMember.query()
      .where('sellerId', seller.id)
      .preload('user')
      .firstOrFail()

    for (const user of [customer, member.user]) {
      const list = await client.get('/admin/orders').loginAs(user)
      list.assertStatus(403)
      const page = await client.get(`/admin/orders/${order.id}`).loginAs(user)
      page.assertStatus(403)
      const cancel = await client
        .post(`/admin/orders/${order.id}/cancel`)
        .form({ reason: '테스트 취소' })
        .loginAs(user)
        .withCsrfToken()
      cancel.assertStatus(403)
      const receive = await client
        .post(`/admin/payments/${payment.id}/receive`)
        .loginAs(user)
        .withCsrfToken()
      receive.assertStatus(403)
    }
    const guest = await client.get('/admin/orders').redirects(0)
    guest.assertHeader('location', '/login')

    await order.refresh()
    await payment.refresh()
    assert.equal(order.status, OrderStatus.PendingPayment)
    assert.equal(payment.status, PaymentStatus.Pending)
  })
})

test.group('Back office | canceling orders', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('cancels an unpaid order, puts the stock back and records who did it', async ({
    client,
    assert,
  }) => {
    const staff = await UserFactory.apply('staff').create()
    const { variant } = await createListing({ stock: 5 })
    const { order, payment } = await placeOrder([{ variant, quantity: 2 }])
    assert.equal(await stockOf(variant.id), 3)

    const response = await client
      .post(`/admin/orders/${order.id}/cancel`)
      .form({ reason: '고객 요청으로 취소' })
      .loginAs(staff)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', `/admin/orders/${order.id}`)
    response.assertFlashMessage(
      'success',
      `주문 ${withParticle(order.number, '을(를)')} 취소했습니다.`
    )

    await order.refresh()
    assert.equal(order.status, OrderStatus.Canceled)
    assert.equal(order.cancelReason, '고객 요청으로 취소')
    assert.equal(await stockOf(variant.id), 5)
    assert.equal(await statusOf(payment), PaymentStatus.Canceled)
    const event = await AuditEvent.findByOrFail('action', 'order.canceled')
    assert.equal(event.subjectId, String(order.id))
    assert.equal(event.actorId, staff.id)
    assert.equal(event.actorRole, 'staff')
    assert.equal(event.diff.after.cancelReason, '고객 요청으로 취소')
  })

  test('cancels a paid bank-transfer order by refunding it and putting the stock back', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { variant } = await createListing({ stock: 4 })
    const { order, payment } = await placePaidOrder([{ variant, quantity: 3 }])
    assert.equal(order.status, OrderStatus.Paid)
    assert.equal(await stockOf(variant.id), 1)

    const response = await client
      .post(`/admin/orders/${order.id}/cancel`)
      .form({ reason: '재고 오류로 판매 취소' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage(
      'success',
      `주문 ${withParticle(order.number, '을(를)')} 취소하고 환불했습니다.`
    )

    await order.refresh()
    await payment.refresh()
    assert.equal(order.status, OrderStatus.Refunded)
    assert.equal(payment.status, PaymentStatus.Refunded)
    assert.equal(payment.refundedAmount, order.grandTotal)
    assert.equal(await stockOf(variant.id), 4)
    assert.lengthOf(await AuditEvent.query().where('action', 'order.refunded'), 1)
    assert.lengthOf(await AuditEvent.query().where('action', 'payment.refunded'), 1)
  })

  test('refuses a cancellation without a reason and changes nothing', async ({
    client,
    assert,
  }) => {
    const staff = await UserFactory.apply('staff').create()
    const { variant } = await createListing({ stock: 5 })
    const { order } = await placeOrder([{ variant }])
    const events = await AuditEvent.query().count('* as total')

    for (const [reason, error] of [
      ['', '사유를 입력하세요'],
      ['아니', '사유는 3자 이상이어야 합니다'],
      ['가'.repeat(501), '사유는 500자를 넘을 수 없습니다'],
    ]) {
      const response = await client
        .post(`/admin/orders/${order.id}/cancel`)
        .header('referer', `/admin/orders/${order.id}`)
        .form({ reason })
        .loginAs(staff)
        .withCsrfToken()
        .redirects(0)
      response.assertStatus(302)
      response.assertFlashMessage('inputErrorsBag', { reason: [error] })
    }

    await order.refresh()
    assert.equal(order.status, OrderStatus.PendingPayment)
    assert.equal(await stockOf(variant.id), 4)
    const after = await AuditEvent.query().count('* as total')
    assert.equal(after[0].$extras.total, events[0].$extras.total)
  })

  test('refuses to cancel an order part of which has shipped, and says why', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const first = await createListing({ stock: 5 })
    const second = await createListing({ stock: 5 })
    const { order } = await placePaidOrder([
      { variant: first.variant },
      { variant: second.variant },
    ])
    await order.load('sellerOrders')
    await shipBackdated(order.sellerOrders[0], { shippedDaysAgo: 1 })

    const page = await client.get(`/admin/orders/${order.id}`).loginAs(admin)
    assert.include(page.text(), 'data-test="cancel-blocked"')
    assert.notInclude(page.text(), 'data-test="cancel-order"')

    const response = await client
      .post(`/admin/orders/${order.id}/cancel`)
      .form({ reason: '판매자 요청' })
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    response.assertFlashMessage(
      'error',
      '일부 상품이 이미 발송되어 주문 전체를 취소할 수 없습니다.'
    )
    await order.refresh()
    assert.equal(order.status, OrderStatus.Paid)
    assert.equal(await stockOf(first.variant.id), 4)
    assert.equal(await stockOf(second.variant.id), 4)
    assert.lengthOf(await AuditEvent.query().where('action', 'payment.refunded'), 0)
  })
})
