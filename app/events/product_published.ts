import { ProductEvent } from '#events/subject_events'

/** An operator published a product after review. */
export default class ProductPublished extends ProductEvent {
  static action = 'product.published'
}
