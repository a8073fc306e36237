import { ProductEvent } from '#events/subject_events'

/** A seller created a product (as a draft). */
export default class ProductCreated extends ProductEvent {
  static action = 'product.created'
}
