import { StateMachine } from '#lifecycles/state_machine'

/** Where an order stands, from the customer's point of view. */
export const OrderStatus = {
  PendingPayment: 'pending_payment',
  Paid: 'paid',
  Fulfilled: 'fulfilled',
  Completed: 'completed',
  Canceled: 'canceled',
  Refunded: 'refunded',
} as const

export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus]

export const ORDER_STATUSES = Object.values(OrderStatus)

/**
 * pending_payment → paid → fulfilled (every seller shipped) → completed
 * (every seller order purchase-confirmed). An unpaid order is canceled (by
 * the customer, an admin, or expiry); a paid one that is called off is
 * refunded.
 */
export const orderLifecycle = new StateMachine('order', {
  pay: { from: [OrderStatus.PendingPayment], to: OrderStatus.Paid },
  fulfill: { from: [OrderStatus.Paid], to: OrderStatus.Fulfilled },
  complete: { from: [OrderStatus.Paid, OrderStatus.Fulfilled], to: OrderStatus.Completed },
  cancel: { from: [OrderStatus.PendingPayment], to: OrderStatus.Canceled },
  refund: { from: [OrderStatus.Paid, OrderStatus.Fulfilled], to: OrderStatus.Refunded },
} as const)

export type OrderAction = keyof typeof orderLifecycle.transitions

/**
 * What happened to the stock an order took: reserved when placed, sold once
 * paid, released (given back) when the order is canceled or refunded before
 * shipping. Each move is a conditional update, so it happens exactly once.
 */
export const StockState = {
  Reserved: 'reserved',
  Sold: 'sold',
  Released: 'released',
} as const

export type StockState = (typeof StockState)[keyof typeof StockState]
