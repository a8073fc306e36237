import { StripeAdapter, type StripeOptions } from '#payments/adapters/stripe_adapter'
import type { PaymentCustomer, PaymentSession } from '#payments/types'
import type { StripeServer } from '#tests/fixtures/servers/stripe_server'
import { initiateInput } from './payment_adapter_suite.js'

/**
 * The Stripe adapter against one local Stripe, and the steps the Stripe
 * conformance specs take with it: the shopper paying with Stripe.js, a paid
 * (and optionally saved) payment, an off-session charge, and what the server keeps.
 */
export function stripeKit(server: StripeServer) {
  const options = (overrides: Partial<StripeOptions> = {}): StripeOptions => ({
    secretKey: server.secretKey,
    publishableKey: server.publishableKey,
    webhookSecret: server.webhookSecret,
    apiUrl: server.url,
    maxNetworkRetries: 0,
    ...overrides,
  })
  const create = (overrides: Partial<StripeOptions> = {}) => new StripeAdapter(options(overrides))

  /** The shopper pays with Stripe.js; Stripe then returns them with these params. */
  async function payInBrowser(session: PaymentSession, paymentMethod: string) {
    await server.confirmInBrowser(session.providerReference, paymentMethod)
    const intent = server.state.intents.get(session.providerReference)!
    return {
      payment_intent: session.providerReference,
      payment_intent_client_secret:
        session.type === 'client_confirmation' ? session.clientSecret : '',
      redirect_status:
        intent.status === 'succeeded' || intent.status === 'requires_capture'
          ? 'succeeded'
          : 'failed',
    }
  }

  /**
   * Initiates a payment and has the shopper confirm it with a Stripe test
   * payment method; with `saveMethod`, the shopper asked to keep the card.
   */
  async function pay(
    paymentMethod: string,
    how: {
      capture?: 'automatic' | 'manual'
      saveMethod?: boolean
      customer?: PaymentCustomer
    } = {}
  ) {
    const adapter = create()
    const input = initiateInput({
      capture: how.capture ?? 'automatic',
      saveMethod: how.saveMethod,
    })
    if (how.saveMethod) {
      input.customer = how.customer ?? {
        email: `${input.attemptId}@example.com`,
        name: '김장터',
      }
    }
    const session = await adapter.initiate(input)
    const params = await payInBrowser(session, paymentMethod)
    const confirm = () =>
      adapter.confirm({
        ...input,
        idempotencyKey: `${input.attemptId}:confirm`,
        providerReference: session.providerReference,
        params,
      })
    return { adapter, input, session, confirm, result: await confirm() }
  }

  /** An off-session charge of a saved card, as one-click checkout makes it. */
  function chargeSaved(saved: { providerMethodId: string; providerCustomerId: string }) {
    const input = initiateInput()
    return create().chargeSavedMethod({ ...input, ...saved, idempotencyKey: input.attemptId })
  }

  const intentsOf = (attemptId: string) =>
    [...server.state.intents.values()].filter((intent) => intent.metadata.attempt_id === attemptId)
  const customersOf = (email: string) =>
    [...server.state.customers.values()].filter((customer) => customer.email === email)

  return { options, create, payInBrowser, pay, chargeSaved, intentsOf, customersOf }
}
