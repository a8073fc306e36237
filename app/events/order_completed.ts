import { OrderEvent } from '#events/subject_events'

/** Every seller order was purchase-confirmed (구매확정). */
export default class OrderCompleted extends OrderEvent {
  static action = 'order.completed'
}
