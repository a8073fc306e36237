import { ProductEvent } from '#events/subject_events'

/** A seller changed a product's content, variants, prices or stock. */
export default class ProductUpdated extends ProductEvent {
  static action = 'product.updated'
}
