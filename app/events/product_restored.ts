import { ProductEvent } from '#events/subject_events'

/** An archived product was restored to draft. */
export default class ProductRestored extends ProductEvent {
  static action = 'product.restored'
}
