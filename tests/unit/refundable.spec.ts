import { test } from '@japa/runner'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { RefundStatus } from '#lifecycles/refund_status'
import { refundableOf } from '#services/payments/refund_rules'

const payment = {
  id: 1,
  status: PaymentStatus.PartiallyRefunded,
  capturedAmount: 30_500,
}

function row(amount: number, status: RefundStatus, sellerOrderId: number | null, paymentId = 1) {
  return { paymentId, sellerOrderId, status, amount }
}

test.group('Refunds | what is refundable', () => {
  test('captured money minus succeeded and pending refunds; failed ones do not count', ({
    assert,
  }) => {
    const refunds = [
      row(5000, RefundStatus.Succeeded, null),
      row(2000, RefundStatus.Pending, null),
      row(9000, RefundStatus.Failed, null),
      row(4000, RefundStatus.Succeeded, null, 2),
    ]
    assert.equal(refundableOf(payment, refunds), 23_500)
  })

  test("a seller order's share is capped by its own refunds and by the payment", ({ assert }) => {
    const sellerB = { id: 7, total: 7500 }
    const refunds = [row(5000, RefundStatus.Succeeded, 7), row(1000, RefundStatus.Pending, 7)]
    assert.equal(refundableOf(payment, refunds, sellerB), 1500)
    const almostGone = [row(29_500, RefundStatus.Succeeded, null)]
    assert.equal(refundableOf(payment, almostGone, sellerB), 1000)
  })

  test('nothing is refundable of a payment that captured nothing', ({ assert }) => {
    assert.equal(refundableOf({ ...payment, status: PaymentStatus.Pending }, []), 0)
    assert.equal(refundableOf({ ...payment, status: PaymentStatus.Failed }, []), 0)
  })
})
