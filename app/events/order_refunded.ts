import { OrderEvent } from '#events/subject_events'

/** A paid order was called off and its payment refunded. */
export default class OrderRefunded extends OrderEvent {
  static action = 'order.refunded'
}
