import { OrderEvent } from '#events/subject_events'

/** The payment for an order was captured; its reserved stock is now sold. */
export default class OrderPaid extends OrderEvent {
  static action = 'order.paid'
}
