import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import type { QueuedAlert } from '#jobs/alerts/send_alert'
import { startStripeServer } from '#tests/fixtures/servers/stripe_server'
import { deliverStripeEvent, useLocalStripe } from '#tests/helpers/payments'
import { workUntil } from '#tests/helpers/queue'
import { alertsToLocalSlack, alertWindowRows } from '#tests/helpers/alerts'
import { heldForReview } from '#tests/functional/admin/payment_helpers'

const stripe = await startStripeServer()

/** The SendAlert jobs a fake queue received. */
function sentAlerts(queue: ReturnType<typeof QueueManager.fake>) {
  return queue.getPushedJobs().filter((pushed) => pushed.job.name === 'SendAlert')
}

test.group('Alerts | payments held for review', (group) => {
  useLocalStripe(group, stripe)
  const messenger = alertsToLocalSlack(group)
  group.each.setup(() => testUtils.db().truncate())

  test('the team gets the order, both amounts and a link to the order page', async ({ assert }) => {
    const { order } = await heldForReview(stripe, 15_000)
    const { slack } = messenger

    await workUntil(async () => slack.accepted.length >= 1, { queues: ['default'] })

    const text = slack.visibleText(slack.accepted[0])
    assert.include(text, `검토가 필요한 결제: 주문 ${order.number}`)
    assert.include(text, '결제사 확인 금액은 ₩15,000, 주문 금액은 ₩23,000입니다')
    assert.include(text, `/admin/orders/${order.id}|관리자 페이지에서 보기`)
  })
})

test.group('Alerts | payment webhook signature failures', (group) => {
  useLocalStripe(group, stripe)
  alertsToLocalSlack(group, () => ({ webhookSignatures: { failures: 3, within: '5m' } }))
  group.each.setup(() => testUtils.db().truncate())

  test('the third refused signature within the window alerts once; more are counted', async ({
    client,
    assert,
    cleanup,
  }) => {
    const queue = QueueManager.fake()
    cleanup(() => QueueManager.restore())
    const forged = {
      rawBody: JSON.stringify({ id: 'evt_forged', type: 'payment_intent.succeeded' }),
      signature: `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}`,
    }

    for (let attempt = 1; attempt <= 2; attempt++) {
      const response = await deliverStripeEvent(client, forged)
      response.assertStatus(400)
    }
    assert.isEmpty(sentAlerts(queue))

    for (let attempt = 3; attempt <= 5; attempt++) {
      const response = await deliverStripeEvent(client, forged)
      response.assertStatus(400)
    }
    const sent = sentAlerts(queue)
    assert.lengthOf(sent, 1)
    const { alert } = sent[0].job.payload as QueuedAlert
    assert.equal(alert.kind, 'webhook_signatures')
    assert.deepEqual(alert.params, { provider: 'stripe', failures: 3, minutes: 5 })
    const [window] = await alertWindowRows()
    assert.equal(Number(window.repeats), 2)
  })
})
