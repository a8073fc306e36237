import { ProductEvent } from '#events/subject_events'

/** A seller changed the order of a product's photos and videos. */
export default class ProductMediaReordered extends ProductEvent {
  static action = 'product.media_reordered'
}
