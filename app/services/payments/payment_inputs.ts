import Order from '#models/order'
import type Payment from '#models/payment'
import type { PaymentManager } from '#payments/payment_manager'
import type { ConfirmInput, PaymentCustomer } from '#payments/types'
import { PaymentProviderUnavailableException } from '#payments/errors'
import type { SavedMethods } from '#services/payments/saved_methods'

/** What every call that starts a payment for an order tells the adapter about it. */
export function attemptInput(payment: Payment, order: Order) {
  return {
    attemptId: payment.attemptId,
    orderNumber: order.number,
    amount: payment.amount,
    currency: payment.currency,
    description: `Order ${order.number}`,
    capture: 'automatic' as const,
    expiresAt: (order.expiresAt ?? order.createdAt).toJSDate(),
  }
}

/**
 * What confirm sends the adapter. The same attempt always gives the same
 * idempotency key, so confirming again after a crash between the provider's
 * answer and our commit is answered from the provider's record, not charged.
 */
export async function confirmInputFor(
  payment: Payment,
  params: Record<string, string>,
  savedMethods: SavedMethods
): Promise<ConfirmInput> {
  const order = payment.saveMethod ? await Order.findOrFail(payment.orderId) : null
  return {
    attemptId: payment.attemptId,
    idempotencyKey: `${payment.attemptId}:confirm`,
    providerReference: payment.providerReference ?? payment.attemptId,
    amount: payment.amount,
    currency: payment.currency,
    capture: 'automatic',
    params,
    saveMethod: payment.saveMethod,
    customer: order ? await customerFor(payment, order, savedMethods) : undefined,
  }
}

/** The shopper as the provider knows them; their provider customer id when they save a method. */
export async function customerFor(
  payment: Payment,
  order: Order,
  savedMethods: SavedMethods
): Promise<PaymentCustomer> {
  const reuse = payment.saveMethod && order.userId !== null
  return {
    email: order.email,
    name: order.shippingAddress.name,
    providerCustomerId: reuse
      ? await savedMethods.customerIdFor(order.userId!, payment.adapter)
      : null,
  }
}

/**
 * Closes a failed attempt at the provider too, so a payment page left open
 * cannot pay it later. Best effort: if the provider cannot be reached, money
 * that still arrives is held for review (holdForReview).
 */
export async function cancelAtProvider(manager: PaymentManager, payment: Payment, reason: string) {
  if (!payment.providerReference) return
  try {
    await manager.use(payment.adapter).cancel({
      attemptId: payment.attemptId,
      idempotencyKey: `${payment.attemptId}:cancel`,
      providerReference: payment.providerReference,
      reason,
    })
  } catch (error) {
    if (!(error instanceof PaymentProviderUnavailableException)) throw error
  }
}
