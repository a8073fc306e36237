import { ProductPublicationSchema } from '#database/schema'
import { jsonColumn } from '#models/json_column'
import type { PublishedVersion } from '#services/catalog/published_version'

/** A product as it was when an operator published it: what the next review compares to. */
export default class ProductPublication extends ProductPublicationSchema {
  @jsonColumn<PublishedVersion>()
  declare snapshot: PublishedVersion
}
