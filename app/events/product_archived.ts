import { ProductEvent } from '#events/subject_events'

/** A product was taken off sale. */
export default class ProductArchived extends ProductEvent {
  static action = 'product.archived'
}
