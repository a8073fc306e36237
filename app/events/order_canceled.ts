import { OrderEvent } from '#events/subject_events'

/** An unpaid order was canceled by the customer or an admin; its stock went back. */
export default class OrderCanceled extends OrderEvent {
  static action = 'order.canceled'
}
