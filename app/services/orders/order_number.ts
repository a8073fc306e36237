import { randomInt } from 'node:crypto'
import { DateTime } from 'luxon'
import { inStoreZone } from '#formatting/store_time'

// Crockford's base32 without I, L, O and U: nothing to misread over the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * A new order number such as JT2611-8K3QX7A: the prefix, year and month, and
 * seven random characters (34 bits), so numbers cannot be enumerated and
 * collisions are left to the unique index. The month is the store's (an
 * order placed on 1 December in Seoul is a December order on any server).
 */
export function newOrderNumber(prefix: string, at: DateTime = DateTime.now()): string {
  let random = ''
  for (let i = 0; i < 7; i++) random += ALPHABET[randomInt(ALPHABET.length)]
  return `${prefix}${inStoreZone(at).toFormat('yyMM')}-${random}`
}
