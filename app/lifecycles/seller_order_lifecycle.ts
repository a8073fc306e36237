import { StateMachine } from '#lifecycles/state_machine'

/** One seller's part of an order, as the seller works through it. */
export const SellerOrderStatus = {
  AwaitingPayment: 'awaiting_payment',
  ToShip: 'to_ship',
  Shipped: 'shipped',
  Delivered: 'delivered',
  PurchaseConfirmed: 'purchase_confirmed',
  Canceled: 'canceled',
} as const

export type SellerOrderStatus = (typeof SellerOrderStatus)[keyof typeof SellerOrderStatus]

export const SELLER_ORDER_STATUSES = Object.values(SellerOrderStatus)

/**
 * awaiting_payment → to_ship → shipped (carrier + tracking number) →
 * delivered → purchase_confirmed (구매확정, by the customer or automatically
 * after a configured number of days). A customer may confirm as soon as the
 * parcel is shipped. Nothing shipped can be canceled. A paid seller order
 * whose every item or whole share was refunded before it shipped has
 * nothing left to send: refunding it cancels it.
 */
export const sellerOrderLifecycle = new StateMachine('seller order', {
  pay: { from: [SellerOrderStatus.AwaitingPayment], to: SellerOrderStatus.ToShip },
  ship: { from: [SellerOrderStatus.ToShip], to: SellerOrderStatus.Shipped },
  deliver: { from: [SellerOrderStatus.Shipped], to: SellerOrderStatus.Delivered },
  confirm: {
    from: [SellerOrderStatus.Shipped, SellerOrderStatus.Delivered],
    to: SellerOrderStatus.PurchaseConfirmed,
  },
  cancel: {
    from: [SellerOrderStatus.AwaitingPayment, SellerOrderStatus.ToShip],
    to: SellerOrderStatus.Canceled,
  },
  refund: { from: [SellerOrderStatus.ToShip], to: SellerOrderStatus.Canceled },
} as const)

export type SellerOrderAction = keyof typeof sellerOrderLifecycle.transitions

/** States in which the parcel has left the seller. */
export const SHIPPED_STATUSES: readonly SellerOrderStatus[] = [
  SellerOrderStatus.Shipped,
  SellerOrderStatus.Delivered,
  SellerOrderStatus.PurchaseConfirmed,
]

/**
 * States in which the customer confirmed the purchase (구매확정), so the
 * money is the seller's: refunding it needs an admin's explicit override.
 */
export const CONFIRMED_STATUSES: readonly SellerOrderStatus[] = [
  SellerOrderStatus.PurchaseConfirmed,
]
