import { test } from '@japa/runner'
import { PaymentMethodRejectedException } from '#payments/errors'
import type { PaymentCustomer } from '#payments/types'
import { startStripeServer } from '#tests/fixtures/servers/stripe_server'
import { initiateInput } from './payment_adapter_suite.js'
import { stripeKit } from './stripe_kit.js'

const server = await startStripeServer()
const { create, pay, chargeSaved, intentsOf, customersOf } = stripeKit(server)

/** A payment whose card the shopper asked to keep, paid with Stripe.js. */
const payAndSave = (paymentMethod: string, customer?: PaymentCustomer) =>
  pay(paymentMethod, { saveMethod: true, customer })

test.group('Payment adapters | stripe saved cards', (group) => {
  group.teardown(() => server.close())

  test('a payment to save is made for a new Customer, once, set up for off-session use', async ({
    assert,
  }) => {
    const adapter = create()
    const input = initiateInput({ saveMethod: true })
    input.customer = { email: `${input.attemptId}@example.com` }
    await adapter.initiate(input)
    await adapter.initiate(input)
    const intents = intentsOf(input.attemptId)
    assert.lengthOf(intents, 1)
    assert.lengthOf(customersOf(input.customer.email), 1)
    assert.equal(intents[0].customer, customersOf(input.customer.email)[0].id)
    assert.equal(intents[0].setup_future_usage, 'off_session')
  })

  test('does not keep a card the shopper did not ask to save', async ({ assert }) => {
    const { result, session } = await pay('pm_card_visa')
    assert.equal(result.status, 'captured')
    assert.notProperty(result, 'savedMethod')
    const intent = server.state.intents.get(session.providerReference)!
    assert.isNull(intent.customer)
    assert.isNull(intent.setup_future_usage)
  })

  test('returns the saved card with the payment, then charges it in one click', async ({
    assert,
  }) => {
    const { result, session } = await payAndSave('pm_card_visa')
    const intent = server.state.intents.get(session.providerReference)!
    assert.containsSubset(result, {
      status: 'captured',
      savedMethod: {
        providerMethodId: intent.payment_method,
        providerCustomerId: intent.customer,
        summary: { brand: 'visa', last4: '4242', expiresAt: '2034-12' },
      },
    })
    assert.equal(server.state.methods.get(intent.payment_method)!.customer, intent.customer)
    if (result.status !== 'captured' || !result.savedMethod) return
    assert.containsSubset(await chargeSaved(result.savedMethod), {
      status: 'captured',
      amount: 12_900,
    })

    // The next card the shopper saves goes to the Customer they already have.
    const existing = { email: 'saver@example.com', providerCustomerId: intent.customer }
    const before = server.state.customers.size
    const again = await payAndSave('pm_card_mastercard', existing)
    assert.equal(server.state.customers.size, before)
    assert.containsSubset(again.result, {
      savedMethod: { providerCustomerId: intent.customer, summary: { last4: '4444' } },
    })
  })

  test('a signed webhook of a saved payment names the card it kept', async ({ assert }) => {
    const { session, result } = await payAndSave('pm_card_visa')
    const { rawBody, signature } = server.signedEvent(
      'payment_intent.succeeded',
      session.providerReference
    )
    const event = await create().parseWebhook({
      rawBody,
      headers: { 'stripe-signature': signature },
    })
    assert.equal(event.type, 'payment.captured')
    assert.deepEqual(event.savedMethod, result.status === 'captured' ? result.savedMethod : null)
  })

  test('a card authenticated when it was saved is charged off-session without 3-D Secure', async ({
    assert,
  }) => {
    const { session, result, confirm } = await payAndSave('pm_card_authenticationRequiredOnSetup')
    assert.equal(result.status, 'requires_action')
    await server.authenticate(session.providerReference, 'complete')
    const paid = await confirm()
    assert.containsSubset(paid, { status: 'captured', savedMethod: { summary: { last4: '3155' } } })
    if (paid.status !== 'captured' || !paid.savedMethod) return
    assert.containsSubset(await chargeSaved(paid.savedMethod), { status: 'captured' })
  })

  test('a saved card that asks for authentication every time is declined off-session', async ({
    assert,
  }) => {
    const { session, confirm } = await payAndSave('pm_card_authenticationRequired')
    await server.authenticate(session.providerReference, 'complete')
    const paid = await confirm()
    if (paid.status !== 'captured' || !paid.savedMethod) return assert.fail('not saved')
    assert.containsSubset(await chargeSaved(paid.savedMethod), {
      status: 'declined',
      code: 'authentication_required',
    })
  })

  test('a failed 3-D Secure challenge declines the payment', async ({ assert }) => {
    const { session, confirm } = await pay('pm_card_authenticationRequired')
    const back = await server.authenticate(session.providerReference, 'fail')
    assert.include(back, 'redirect_status=failed')
    assert.containsSubset(await confirm(), {
      status: 'declined',
      code: 'payment_intent_authentication_failure',
    })
  })

  test('a declined card’s failure event ends nothing: the intent waits for another card', async ({
    assert,
  }) => {
    const { adapter, session, confirm } = await pay('pm_card_chargeDeclined')
    const { rawBody, signature } = server.signedEvent(
      'payment_intent.payment_failed',
      session.providerReference
    )
    const event = await adapter.parseWebhook({
      rawBody,
      headers: { 'stripe-signature': signature },
    })
    assert.equal(event.type, 'other')
    await server.confirmInBrowser(session.providerReference, 'pm_card_visa')
    assert.containsSubset(await confirm(), { status: 'captured' })
  })

  test('detaches a saved card once, after which it cannot be charged', async ({ assert }) => {
    const { result } = await payAndSave('pm_card_visa')
    if (result.status !== 'captured' || !result.savedMethod) return assert.fail('not saved')
    const detach = { ...result.savedMethod, idempotencyKey: `detach-${Date.now()}` }
    await create().detachSavedMethod(detach)
    assert.isNull(server.state.methods.get(detach.providerMethodId)!.customer)
    await create().detachSavedMethod({ ...detach, idempotencyKey: `${detach.idempotencyKey}:2` })
    assert.containsSubset(await chargeSaved(result.savedMethod), { status: 'declined' })
  })

  test('refuses to detach the card of another Customer', async ({ assert }) => {
    const { result } = await payAndSave('pm_card_visa')
    if (result.status !== 'captured' || !result.savedMethod) return assert.fail('not saved')
    const { providerMethodId, providerCustomerId } = result.savedMethod
    await assert.rejects(
      () =>
        create().detachSavedMethod({
          providerMethodId,
          providerCustomerId: 'cus_someone_else',
          idempotencyKey: `detach-${Date.now()}`,
        }),
      PaymentMethodRejectedException
    )
    assert.equal(server.state.methods.get(providerMethodId)!.customer, providerCustomerId)
  })

  test('the publishable key only makes card methods and confirms with the client secret', async ({
    assert,
  }) => {
    const session = await create().initiate(initiateInput())
    const call = (path: string, body?: string) =>
      fetch(`${server.url}/v1/${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          'authorization': `Bearer ${server.publishableKey}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body,
      })
    const intentPath = `payment_intents/${session.providerReference}`
    const read = await call(intentPath)
    const forged = await call(`${intentPath}/confirm`, 'client_secret=pi_x_secret_y')
    assert.deepEqual([read.status, forged.status], [401, 401])
    const card = 'type=card&card[number]=4242424242424242&card[exp_month]=12&card[exp_year]=34'
    const method = await call('payment_methods', `${card}&card[cvc]=123`)
    const { id } = (await method.json()) as { id: string }
    const secret = session.type === 'client_confirmation' ? session.clientSecret : ''
    const confirmed = await call(
      `${intentPath}/confirm`,
      `payment_method=${id}&client_secret=${secret}`
    )
    assert.containsSubset(await confirmed.json(), { status: 'succeeded' })
  })
})
