import { OrderEvent } from '#events/subject_events'

/** Every seller in the order has shipped. */
export default class OrderFulfilled extends OrderEvent {
  static action = 'order.fulfilled'
}
