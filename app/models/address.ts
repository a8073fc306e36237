import { AddressSchema } from '#database/schema'
import { column } from '@adonisjs/lucid/orm'

/**
 * A customer's saved shipping address: Korean (5-digit postal code, road
 * address, detail) or international (country, region, city, lines).
 */
export default class Address extends AddressSchema {
  @column({ consume: (value) => Boolean(value) })
  declare isDefault: boolean
}
