import { test } from '@japa/runner'
import type { Group } from '@japa/runner/core'
import testUtils from '@adonisjs/core/services/test_utils'
import config from '@adonisjs/core/services/config'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import { QueueManager } from '@adonisjs/queue'
import { DateTime } from 'luxon'
import SendOrderMail from '#jobs/notifications/send_order_mail'
import AuditEvent from '#models/audit_event'
import Order from '#models/order'
import type Payment from '#models/payment'
import { UserFactory, createSellerOwner } from '#database/factories/index'
import { orderLinkKey } from '#services/orders/order_lookup'
import { sqlTimestamp } from '#services/sql_time'
import { createListing } from '#tests/helpers/commerce'
import { placedOrder } from '#tests/helpers/shop'
import { placeOrder } from '#tests/functional/orders/helpers'

/**
 * Runs every test of the group as a server on a UTC host would, with the
 * store in Seoul: Node reads TZ again whenever it is set, so dates rendered
 * in the machine's zone would come out in UTC.
 */
function onUtcHostOfSeoulStore(group: Group) {
  group.each.setup(() => {
    const zone = process.env.TZ
    const storeZone = config.get<string>('store.timezone')
    process.env.TZ = 'UTC'
    config.set('store.timezone', 'Asia/Seoul')
    return () => {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
      config.set('store.timezone', storeZone)
    }
  })
}

/** Sets when a bank transfer must arrive: 25 Nov 2026, 23:59 in Seoul (14:59 UTC). */
async function transferDueAt(payment: Payment, iso: string) {
  const session = payment.nextAction!
  if (session.type !== 'instructions') throw new Error('not a bank transfer')
  payment.nextAction = {
    ...session,
    instructions: { ...session.instructions, dueAt: new Date(iso) },
  }
  await payment.save()
}

test.group('Store time | dates in the store time zone on a UTC host', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => {
      mail.restore()
      QueueManager.restore()
    }
  })
  onUtcHostOfSeoulStore(group)

  test('the order page and the confirmation email show the same payment deadline, in Seoul', async ({
    client,
    assert,
  }) => {
    assert.equal(new Intl.DateTimeFormat().resolvedOptions().timeZone, 'UTC')
    const { order, payment } = await placedOrder()
    await transferDueAt(payment, '2026-11-25T14:59:00.000Z')

    const page = await client.get(`/orders/${order.number}`).qs({ key: orderLinkKey(order.number) })
    page.assertStatus(200)

    const { mails } = mail.fake()
    QueueManager.restore()
    await SendOrderMail.dispatch({ kind: 'placed', id: order.id }).with('sync')
    const { html, text } = mails.sent()[0].message.toJSON().message as Record<string, string>

    const deadline = '2026년 11월 25일 오후 11:59 GMT+9'
    for (const [where, body] of [
      ['order page', page.text()],
      ['email (HTML)', html],
      ['email (text)', text],
    ]) {
      assert.include(body, deadline, `${where} shows the deadline in Seoul time`)
      assert.notInclude(body, '오후 2:59', `${where} shows no UTC time`)
    }
  })

  test('the audit log shows times in Seoul and reads its date filter as Seoul days', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { seller } = await createSellerOwner('pending')
    await client.post(`/admin/sellers/${seller.id}/approve`).loginAs(admin).withCsrfToken()
    const event = await AuditEvent.findByOrFail('action', 'seller.approved')
    // 25 Nov 2026, 00:30 in Seoul is still the 24th in UTC.
    await AuditEvent.query()
      .where('id', event.id)
      .update({ occurredAt: '2026-11-24T15:30:00.000Z' })

    const search = (from: string, to: string) =>
      client.get('/admin/audit').qs({ from, to, action: 'seller.approved' }).loginAs(admin)

    const seoulDay = await search('2026-11-25', '2026-11-25')
    seoulDay.assertStatus(200)
    assert.include(seoulDay.text(), 'data-action="seller.approved"')
    assert.include(seoulDay.text(), '2026년 11월 25일 오전 12:30 GMT+9')
    const utcDay = await search('2026-11-24', '2026-11-24')
    assert.notInclude(utcDay.text(), 'data-action="seller.approved"')
  })

  test('the back-office order list reads its date filter as Seoul days', async ({
    client,
    assert,
  }) => {
    const staff = await UserFactory.apply('staff').create()
    const { variant } = await createListing({ stock: 5 })
    const { order } = await placeOrder([{ variant }])
    // 1 Dec 2026, 08:00 in Seoul is still 30 Nov in UTC.
    const placedAt = DateTime.fromISO('2026-11-30T23:00:00.000Z')
    await Order.query()
      .where('id', order.id)
      .update({ createdAt: sqlTimestamp(db.connection(), placedAt.toLocal()) })

    const search = async (day: string) => {
      const response = await client.get('/admin/orders').qs({ from: day, to: day }).loginAs(staff)
      response.assertStatus(200)
      return response.text()
    }
    assert.include(await search('2026-12-01'), order.number)
    assert.notInclude(await search('2026-11-30'), order.number)
  })
})
