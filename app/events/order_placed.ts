import { OrderEvent } from '#events/subject_events'

/** A customer placed an order; its stock is reserved until it is paid or expires. */
export default class OrderPlaced extends OrderEvent {
  static action = 'order.placed'
}
