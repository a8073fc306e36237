import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { QueueManager } from '@adonisjs/queue'
import type User from '#models/user'
import PaymentRefund from '#models/payment_refund'
import SellerMember from '#models/seller_member'
import { UserFactory } from '#database/factories/index'
import { SYSTEM_ACTOR } from '#audit/actor'
import { OrderStatus } from '#lifecycles/order_lifecycle'
import { PaymentStatus } from '#lifecycles/payment_lifecycle'
import { RefundStatus } from '#lifecycles/refund_status'
import { PaymentService } from '#services/payments/payment_service'
import { holdForReview } from '#services/payments/payment_review'
import { createListing } from '#tests/helpers/commerce'
import { placeOrder, placePaidOrder } from '#tests/functional/orders/helpers'

/** A back-office request that moves money, and how the database shows that it did. */
interface MoneyAction {
  url: string
  form: Record<string, string>
  moved: () => Promise<boolean>
}

/** An order paid by bank transfer, with its payment. */
async function paidOrder() {
  const { variant } = await createListing({ stock: 5 })
  return placePaidOrder([{ variant, quantity: 2 }])
}

/** Every action that moves money, each arranged on an order of its own. */
const ACTIONS: Record<string, () => Promise<MoneyAction>> = {
  'marking a bank transfer received': async () => {
    const { variant } = await createListing({ stock: 5 })
    const { payment } = await placeOrder([{ variant }])
    return {
      url: `/admin/payments/${payment.id}/receive`,
      form: {},
      moved: async () => {
        await payment.refresh()
        return payment.status === PaymentStatus.Captured
      },
    }
  },
  'refunding part of a payment': async () => {
    const { payment } = await paidOrder()
    return {
      url: `/admin/payments/${payment.id}/refunds`,
      form: { amount: '1000', reason: '포장 파손 보상' },
      moved: async () => {
        await payment.refresh()
        return payment.refundedAmount === 1000
      },
    }
  },
  'accepting a payment held for review': async () => {
    const { variant } = await createListing({ stock: 5 })
    const { order, payment } = await placeOrder([{ variant }])
    const { manager } = await app.container.make(PaymentService)
    const confirmed = { amount: order.grandTotal - 1000, currency: order.currency }
    await holdForReview(
      manager,
      payment,
      { status: 'captured', providerReference: 'deposit-short-1000', ...confirmed },
      SYSTEM_ACTOR
    )
    return {
      url: `/admin/payments/${payment.id}/accept`,
      form: {},
      moved: async () => {
        await payment.refresh()
        return payment.status === PaymentStatus.Captured
      },
    }
  },
  'retrying a pending refund': async () => {
    const { payment } = await paidOrder()
    const refund = await PaymentRefund.create({
      paymentId: payment.id,
      status: RefundStatus.Pending,
      amount: 1000,
      currency: payment.currency,
      reason: '결제사 응답 없음',
      idempotencyKey: `${payment.attemptId}:refund:retry-test`,
    })
    return {
      url: `/admin/refunds/${refund.id}/retry`,
      form: {},
      moved: async () => {
        await refund.refresh()
        return refund.status === RefundStatus.Succeeded
      },
    }
  },
  'calling off a paid order, which refunds it': async () => {
    const { order } = await paidOrder()
    return {
      url: `/admin/orders/${order.id}/cancel`,
      form: { reason: '고객 요청으로 전액 환불' },
      moved: async () => {
        await order.refresh()
        return order.status === OrderStatus.Refunded
      },
    }
  },
}

/** Everything money touches, to compare before and after a refused request. */
async function moneyTables() {
  const tables = ['orders', 'seller_orders', 'payments', 'payment_refunds', 'audit_events']
  return Object.fromEntries(
    await Promise.all(tables.map(async (table) => [table, await db.from(table).orderBy('id')]))
  )
}

/** A member of some approved seller: a seller, not an operator. */
async function sellerUser(): Promise<User> {
  const { seller } = await createListing({ stock: 1 })
  const member = await SellerMember.query().where('sellerId', seller.id).preload('user').first()
  return member!.user
}

/** Sends the action's form as `user`, without following the redirect. */
function post(client: ApiClient, user: User, action: MoneyAction) {
  return client
    .post(action.url)
    .header('referer', '/admin')
    .form(action.form)
    .loginAs(user)
    .withCsrfToken()
    .redirects(0)
}

test.group('Back office | who may move money', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  for (const [name, arrange] of Object.entries(ACTIONS)) {
    test(`${name}: refused to staff without an admin's grant, nothing written`, async ({
      client,
      assert,
    }) => {
      const staff = await UserFactory.apply('staff').create()
      const action = await arrange()
      const before = await moneyTables()

      const response = await post(client, staff, action)

      response.assertStatus(403)
      assert.deepEqual(await moneyTables(), before)
      assert.isFalse(await action.moved())
    })

    test(`${name}: refused to a seller, nothing written`, async ({ client, assert }) => {
      const seller = await sellerUser()
      const action = await arrange()
      const before = await moneyTables()

      const response = await post(client, seller, action)

      response.assertStatus(403)
      assert.deepEqual(await moneyTables(), before)
    })

    test(`${name}: done by staff an admin allowed to`, async ({ client, assert }) => {
      const staff = await UserFactory.apply('staff', 'movesMoney').create()
      const action = await arrange()

      const response = await post(client, staff, action)

      response.assertStatus(302)
      assert.isTrue(await action.moved())
    })

    test(`${name}: done by an admin`, async ({ client, assert }) => {
      const admin = await UserFactory.apply('admin').create()
      const action = await arrange()

      const response = await post(client, admin, action)

      response.assertStatus(302)
      assert.isTrue(await action.moved())
    })
  }

  test('staff without the grant may still call off an unpaid order', async ({ client, assert }) => {
    const staff = await UserFactory.apply('staff').create()
    const { variant } = await createListing({ stock: 5 })
    const { order } = await placeOrder([{ variant }])

    const response = await post(client, staff, {
      url: `/admin/orders/${order.id}/cancel`,
      form: { reason: '고객 요청' },
      moved: async () => false,
    })

    response.assertStatus(302)
    await order.refresh()
    assert.equal(order.status, OrderStatus.Canceled)
  })
})
