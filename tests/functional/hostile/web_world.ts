import app from '@adonisjs/core/services/app'
import type User from '#models/user'
import type { SessionData } from '@adonisjs/session/types'
import { actorFor } from '#audit/actor'
import { ProductStatus } from '#lifecycles/product_lifecycle'
import { CartService } from '#services/cart/cart_service'
import { CheckoutService } from '#services/checkout/checkout_service'
import {
  CategoryFactory,
  SellerFactory,
  UserFactory,
  createProduct,
  createSellerOwner,
} from '#database/factories/index'
import { createListing, koreanAddress, setPolicy } from '#tests/helpers/commerce'
import { attachProcessedMedia, smallPng } from '#tests/helpers/media_fixtures'
import { guestSession, markPaid, savedAddress, shipAll } from '#tests/helpers/shop'

/** Who browses: a signed-in user or a guest with a session, and where they start. */
export interface Persona {
  name: string
  user?: User
  session?: SessionData
  start: string[]
}

/**
 * A store with something on every page: a seller with published, draft and
 * in-review products and a photo, orders in each state (awaiting a bank
 * transfer, awaiting a card, paid, shipped), a pending seller application, a
 * customer with an address and a cart, a guest with a cart, and an admin.
 */
export async function arrangeStore(): Promise<Persona[]> {
  const admin = await UserFactory.apply('admin').create()
  const { owner, seller } = await createSellerOwner()
  const parent = await CategoryFactory.create()
  const category = await CategoryFactory.merge({ parentId: parent.id }).create()
  const { product, variant } = await createListing({ seller, category, price: 20_000, stock: 50 })
  await setPolicy(seller, 'domestic', 'flat', { amount: 3000 })
  await setPolicy(seller, 'surcharge', 'remote_area', {
    jejuAmount: 3000,
    islandAmount: 5000,
    extraRanges: [{ from: '12345', to: '12399' }],
  })
  const png = await smallPng(`hostile-${product.id}.png`, 160, 120)
  await attachProcessedMedia(product, png.path, '정면')
  await createProduct(seller, category, { status: ProductStatus.Draft, prices: [5000, 6000] })
  await createProduct(seller, category, { status: ProductStatus.PendingReview })
  await SellerFactory.apply('pending').create()

  const customer = await UserFactory.create()
  await savedAddress(customer, { recipient: '홍길동', isDefault: true })
  const carts = await app.container.make(CartService)
  const checkout = await app.container.make(CheckoutService)
  const place = async (paymentMethod: string) => {
    const cart = await carts.forUser(customer)
    await carts.addItem(cart, variant.id, 1)
    return checkout.place(
      {
        cartId: cart.id,
        email: customer.email,
        shippingAddress: { ...koreanAddress(), city: null, region: null },
        paymentMethod,
        user: customer,
        locale: 'ko',
      },
      actorFor(customer)
    )
  }
  const awaitingTransfer = await place('bank_transfer')
  const awaitingCard = await place('test_card')
  const paid = await place('bank_transfer')
  await markPaid(paid.payment)
  const shipped = await place('bank_transfer')
  await markPaid(shipped.payment)
  await shipAll(shipped.order.id)
  await carts.addItem(await carts.forUser(customer), variant.id, 2)

  const guestCart = await carts.create()
  await carts.addItem(guestCart, variant.id, 1)

  const orderPages = [awaitingTransfer, awaitingCard, paid, shipped].map(
    ({ order }) => `/orders/${order.number}`
  )
  return [
    {
      name: 'guest',
      session: guestSession(guestCart.id),
      start: ['/', '/login', '/signup', '/cart', '/checkout', `/products/${product.slug}`],
    },
    {
      name: 'customer',
      user: customer,
      start: [
        '/',
        '/account',
        '/account/orders',
        '/account/payment-methods',
        '/cart',
        '/checkout',
        '/sell',
        `/payments/test-card/${awaitingCard.payment.attemptId}`,
        ...orderPages,
      ],
    },
    { name: 'seller', user: owner, start: ['/seller'] },
    { name: 'admin', user: admin, start: ['/admin'] },
  ]
}
