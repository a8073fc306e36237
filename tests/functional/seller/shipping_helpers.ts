import type { ApiClient } from '@japa/api-client'
import ShippingPolicyVersion from '#models/shipping_policy_version'
import type Seller from '#models/seller'
import type User from '#models/user'
import { encodeForm } from '#tests/helpers/forms'

/** Saves one scope through the seller-center form, the way the browser posts it. */
export function save(
  client: ApiClient,
  owner: User,
  scope: string,
  form: { code: string; version: number; options?: Record<string, unknown> }
) {
  return client
    .put(`/seller/shipping/${scope}`)
    .header('referer', '/seller/shipping')
    .unsafeForm(encodeForm({ scope, ...form }))
    .loginAs(owner)
    .withCsrfToken()
    .redirects(0)
}

/** The text of the first element marked `data-test="<name>"` in a page, whitespace collapsed. */
export function testText(html: string, name: string) {
  const match = new RegExp(`data-test="${name}"[^>]*>([^<]*)<`).exec(html)
  return match ? match[1].replace(/\s+/g, ' ').trim() : null
}

export async function versionsOf(seller: Seller, scope = 'domestic') {
  return ShippingPolicyVersion.query().where({ sellerId: seller.id, scope }).orderBy('version')
}

/** Runs the "quote this cart" simulator for two 10,000 won items. */
export function quote(client: ApiClient, owner: User, postalCode: string, country = 'KR') {
  return client
    .post('/seller/shipping/quote')
    .unsafeForm(
      encodeForm({
        items: [
          { quantity: '2', unitPrice: '10000', weightGrams: '500' },
          { quantity: '', unitPrice: '', weightGrams: '' },
        ],
        country,
        postalCode,
      })
    )
    .loginAs(owner)
    .withCsrfToken()
}
