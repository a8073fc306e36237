import { ProductEvent } from '#events/subject_events'

/** An operator rejected a product in review, with a reason. */
export default class ProductRejected extends ProductEvent {
  static action = 'product.rejected'
}
