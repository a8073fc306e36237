import { test } from '@japa/runner'
import { OrderStatus, orderLifecycle } from '#lifecycles/order_lifecycle'
import { SellerOrderStatus, sellerOrderLifecycle } from '#lifecycles/seller_order_lifecycle'
import { PaymentStatus, paymentLifecycle } from '#lifecycles/payment_lifecycle'

test.group('Lifecycles | orders', () => {
  test('follows pending_payment → paid → fulfilled → completed', ({ assert }) => {
    assert.equal(orderLifecycle.next(OrderStatus.PendingPayment, 'pay'), OrderStatus.Paid)
    assert.equal(orderLifecycle.next(OrderStatus.Paid, 'fulfill'), OrderStatus.Fulfilled)
    assert.equal(orderLifecycle.next(OrderStatus.Fulfilled, 'complete'), OrderStatus.Completed)
  })

  test('cancels only unpaid orders and refunds only paid ones', ({ assert }) => {
    assert.equal(orderLifecycle.next(OrderStatus.PendingPayment, 'cancel'), OrderStatus.Canceled)
    assert.throws(
      () => orderLifecycle.next(OrderStatus.Paid, 'cancel'),
      'Cannot cancel an order that is paid'
    )
    assert.equal(orderLifecycle.next(OrderStatus.Fulfilled, 'refund'), OrderStatus.Refunded)
    assert.isFalse(orderLifecycle.can(OrderStatus.PendingPayment, 'refund'))
    assert.isFalse(orderLifecycle.can(OrderStatus.Canceled, 'pay'))
  })
})

test.group('Lifecycles | seller orders', () => {
  test('follows awaiting_payment → to_ship → shipped → delivered → purchase_confirmed', ({
    assert,
  }) => {
    let status: SellerOrderStatus = SellerOrderStatus.AwaitingPayment
    for (const action of ['pay', 'ship', 'deliver', 'confirm'] as const) {
      status = sellerOrderLifecycle.next(status, action)
    }
    assert.equal(status, SellerOrderStatus.PurchaseConfirmed)
  })

  test('lets a customer confirm a shipped parcel and never cancels a shipped one', ({ assert }) => {
    assert.equal(
      sellerOrderLifecycle.next(SellerOrderStatus.Shipped, 'confirm'),
      SellerOrderStatus.PurchaseConfirmed
    )
    assert.isFalse(sellerOrderLifecycle.can(SellerOrderStatus.Shipped, 'cancel'))
    assert.isFalse(sellerOrderLifecycle.can(SellerOrderStatus.AwaitingPayment, 'ship'))
    assert.deepEqual(sellerOrderLifecycle.actionsFrom(SellerOrderStatus.ToShip), [
      'ship',
      'cancel',
      'refund',
    ])
  })

  test('a refund calls off only a paid parcel that has not shipped', ({ assert }) => {
    assert.equal(
      sellerOrderLifecycle.next(SellerOrderStatus.ToShip, 'refund'),
      SellerOrderStatus.Canceled
    )
    for (const status of [
      SellerOrderStatus.AwaitingPayment,
      SellerOrderStatus.Shipped,
      SellerOrderStatus.Delivered,
      SellerOrderStatus.PurchaseConfirmed,
    ]) {
      assert.isFalse(sellerOrderLifecycle.can(status, 'refund'))
    }
  })
})

test.group('Lifecycles | payments', () => {
  test('captures from pending or authorized, refunds only captured money', ({ assert }) => {
    assert.equal(paymentLifecycle.next(PaymentStatus.Pending, 'capture'), PaymentStatus.Captured)
    assert.equal(paymentLifecycle.next(PaymentStatus.Authorized, 'capture'), PaymentStatus.Captured)
    assert.equal(
      paymentLifecycle.next(PaymentStatus.Captured, 'refund_part'),
      PaymentStatus.PartiallyRefunded
    )
    assert.equal(
      paymentLifecycle.next(PaymentStatus.PartiallyRefunded, 'refund'),
      PaymentStatus.Refunded
    )
    assert.isFalse(paymentLifecycle.can(PaymentStatus.Pending, 'refund'))
    assert.isFalse(paymentLifecycle.can(PaymentStatus.Failed, 'capture'))
    assert.isFalse(paymentLifecycle.can(PaymentStatus.Captured, 'capture'))
  })
})
