import { MediaSchema } from '#database/schema'
import { belongsTo, column, hasMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import Product from '#models/product'
import MediaRendition from '#models/media_rendition'
import { MediaStatus } from '#media/media_status'
import type { StoredRendition } from '#media/types'
import { jsonColumn } from '#models/json_column'

/**
 * A photo or video of a product. Customers only ever see it once it is
 * `ready`, with the renditions the pipeline made; the original stays private.
 */
export default class Media extends MediaSchema {
  static table = 'media'

  @column({ consume: (value) => Boolean(value) })
  declare isCover: boolean

  /** The published renditions; the media_renditions rows track the same files for cleanup. */
  @jsonColumn<StoredRendition[]>()
  declare renditionSet: StoredRendition[] | null

  @belongsTo(() => Product)
  declare product: BelongsTo<typeof Product>

  @hasMany(() => MediaRendition, {
    onQuery: (query) => {
      if (!query.isRelatedSubQuery) query.orderBy('role').orderBy('format').orderBy('width')
    },
  })
  declare renditions: HasMany<typeof MediaRendition>

  /** Media customers may see, in the seller's order. */
  static ready = scope((query) => {
    query.where('media.status', MediaStatus.Ready).orderBy('position').orderBy('id')
  })
}
