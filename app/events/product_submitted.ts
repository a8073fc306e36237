import { ProductEvent } from '#events/subject_events'

/** A seller sent a product to review (심사). */
export default class ProductSubmitted extends ProductEvent {
  static action = 'product.submitted'
}
