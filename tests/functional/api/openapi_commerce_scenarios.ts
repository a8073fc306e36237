import { randomUUID } from 'node:crypto'
import type { ApiClient } from '@japa/api-client'
import ProductVariant from '#models/product_variant'
import { UserFactory } from '#database/factories/index'
import { createListing, koreanAddress, setPolicy } from '#tests/helpers/commerce'
import type { Arrange } from './openapi_scenarios.js'

/** One line a cart is filled with over HTTP. */
interface Line {
  variantId: number
  quantity: number
}

/** A guest cart created and filled through the API, as a shopper would; returns its id. */
async function cartWith(client: ApiClient, lines: Line[]) {
  const created = await client.post('/api/v1/carts')
  created.assertStatus(201)
  const id: string = created.body().data.id
  for (const line of lines) {
    const added = await client.post(`/api/v1/carts/${id}/items`).json(line)
    added.assertStatus(201)
  }
  return id
}

/** Two sellers' listings in stock, each with a flat domestic fee (Jeju adds the default surcharge). */
async function twoSellers(stock = 10) {
  const first = await createListing({ price: 12_000, stock })
  const second = await createListing({ price: 30_000, stock })
  await setPolicy(first.seller, 'domestic', 'flat', { amount: 3000 })
  await setPolicy(second.seller, 'domestic', 'flat', { amount: 2500 })
  return [first.variant, second.variant]
}

/** A cart holding a line from each of two sellers. */
async function twoSellerCart(client: ApiClient) {
  const [first, second] = await twoSellers()
  return cartWith(client, [
    { variantId: first.id, quantity: 2 },
    { variantId: second.id, quantity: 1 },
  ])
}

/** A cart with one line, and that line's id as the API reports it. */
async function cartWithLine(client: ApiClient) {
  const { variant } = await createListing({ stock: 5 })
  const cartId = await cartWith(client, [{ variantId: variant.id, quantity: 1 }])
  const cart = await client.get(`/api/v1/carts/${cartId}`)
  return { cartId, itemId: cart.body().data.sellers[0].items[0].id as number }
}

/** What a guest sends to place an order for `cartId`, paying by bank transfer. */
const checkoutBody = (cartId: string, shippingAddress: object = koreanAddress()) => ({
  cartId,
  email: 'contract-buyer@example.com',
  shippingAddress,
  paymentMethod: 'bank_transfer',
})

/** An order placed over HTTP by a guest, with the access key it got. */
async function placedOrder(client: ApiClient) {
  const cartId = await twoSellerCart(client)
  const placed = await client.post('/api/v1/checkout').json(checkoutBody(cartId))
  placed.assertStatus(201)
  const { orderNumber, accessKey } = placed.body().data
  return { orderNumber: orderNumber as string, accessKey: accessKey as string }
}

/** A valid call of every cart, checkout and order operation, by operationId. */
export const commerceValidCalls: Record<string, Arrange> = {
  createCart: async () => ({}),
  showCart: async (client) => ({
    params: { cartId: await twoSellerCart(client) },
    query: { country: 'KR', postalCode: '63100' },
  }),
  addCartItem: async (client) => {
    const [variant] = await twoSellers()
    return {
      params: { cartId: await cartWith(client, []) },
      body: { variantId: variant.id, quantity: 2 },
    }
  },
  updateCartItem: async (client) => {
    const { cartId, itemId } = await cartWithLine(client)
    return { params: { cartId, itemId }, body: { quantity: 3 } }
  },
  removeCartItem: async (client) => ({ params: await cartWithLine(client) }),
  checkout: async (client) => ({
    body: checkoutBody(await twoSellerCart(client), koreanAddress('63100')),
  }),
  showOrder: async (client) => {
    const { orderNumber, accessKey } = await placedOrder(client)
    return { params: { number: orderNumber }, headers: { 'X-Order-Key': accessKey } }
  },
}

/** Cart, checkout and order calls that must fail with a documented status. */
export const commerceFailingCalls: { operationId: string; status: number; arrange: Arrange }[] = [
  {
    operationId: 'showCart',
    status: 404,
    arrange: async () => ({ params: { cartId: randomUUID() } }),
  },
  {
    operationId: 'showCart',
    status: 422,
    arrange: async (client) => ({
      params: { cartId: await cartWith(client, []) },
      query: { postalCode: '<script>' },
    }),
  },
  {
    operationId: 'addCartItem',
    status: 409,
    arrange: async (client) => {
      const { variant } = await createListing({ stock: 1 })
      return {
        params: { cartId: await cartWith(client, []) },
        body: { variantId: variant.id, quantity: 2 },
      }
    },
  },
  {
    operationId: 'addCartItem',
    status: 422,
    arrange: async (client) => ({
      params: { cartId: await cartWith(client, []) },
      body: { variantId: 'one', quantity: 0 },
    }),
  },
  {
    operationId: 'updateCartItem',
    status: 404,
    arrange: async (client) => {
      const { itemId } = await cartWithLine(client)
      return { params: { cartId: await cartWith(client, []), itemId }, body: { quantity: 1 } }
    },
  },
  {
    operationId: 'removeCartItem',
    status: 404,
    arrange: async (client) => {
      const { itemId } = await cartWithLine(client)
      return { params: { cartId: await cartWith(client, []), itemId } }
    },
  },
  {
    operationId: 'checkout',
    status: 409,
    arrange: async (client) => {
      const { variant } = await createListing({ stock: 3 })
      const cartId = await cartWith(client, [{ variantId: variant.id, quantity: 3 }])
      // Another shopper bought some while this one was filling in the address.
      await ProductVariant.query().where('id', variant.id).update({ stock: 1 })
      return { body: checkoutBody(cartId) }
    },
  },
  {
    operationId: 'checkout',
    status: 422,
    arrange: async () => ({
      body: { cartId: 'not-a-cart', email: 'nope', shippingAddress: { country: 'KR' } },
    }),
  },
  {
    operationId: 'checkout',
    status: 422,
    arrange: async (client) => ({ body: checkoutBody(await cartWith(client, [])) }),
  },
  {
    operationId: 'checkout',
    status: 422,
    arrange: async (client) => {
      const cartId = await twoSellerCart(client)
      const abroad = {
        name: 'Jane Doe',
        phone: '+1 212 555 0100',
        country: 'US',
        postalCode: '10001',
        city: 'New York',
        line1: '350 Fifth Avenue',
      }
      return { body: checkoutBody(cartId, abroad) }
    },
  },
  {
    operationId: 'showOrder',
    status: 404,
    arrange: async (client) => {
      const { orderNumber } = await placedOrder(client)
      return { params: { number: orderNumber } }
    },
  },
  {
    operationId: 'showOrder',
    status: 404,
    arrange: async (client) => {
      const { orderNumber } = await placedOrder(client)
      return { params: { number: orderNumber }, as: await UserFactory.create() }
    },
  },
]
