import { OrderEvent } from '#events/subject_events'

/** An unpaid order passed its payment deadline; its stock went back. */
export default class OrderExpired extends OrderEvent {
  static action = 'order.expired'
}
