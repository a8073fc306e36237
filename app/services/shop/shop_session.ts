import type { HttpContext } from '@adonisjs/core/http'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import Cart from '#models/cart'
import type User from '#models/user'
import { CartService } from '#services/cart/cart_service'

type Session = HttpContext['session']

/** Where a shopper wants things shipped, as picked on the cart page. */
export interface ShipTo {
  country: string
  postalCode: string
}

const CART_ID = 'shop.cartId'
const CART_COUNT = 'shop.cartCount'
const ORDER_KEYS = 'shop.orderKeys'
const SHIP_TO = 'shop.shipTo'

/** Guests keep the keys of their most recent orders only. */
const MAX_ORDER_KEYS = 10

/**
 * The shopper's cart: the signed-in customer's, or the guest cart whose id
 * the session holds. With `create`, a missing cart is created (and a guest's
 * id remembered); without it, null means "nothing in the cart yet".
 */
export async function shopperCart(
  { auth, session }: Pick<HttpContext, 'auth' | 'session'>,
  options: { create: boolean }
): Promise<Cart | null> {
  const carts = await app.container.make(CartService)
  const user = auth.user
  if (user) return options.create ? carts.forUser(user) : Cart.findBy('userId', user.id)

  const id = session.get(CART_ID)
  const existing = typeof id === 'string' ? await carts.find(id) : null
  if (existing || !options.create) return existing
  const cart = await carts.create()
  session.put(CART_ID, cart.id)
  return cart
}

/**
 * Recounts the units in a cart after it changed and keeps the number in the
 * session, so the header shows it without a query on every page.
 */
export async function recountCart(session: Session, cart: Cart | null): Promise<number> {
  let count = 0
  if (cart) {
    const [row] = await db.from('cart_items').where('cart_id', cart.id).sum('quantity as total')
    count = Number(row?.total ?? 0)
  }
  session.put(CART_COUNT, count)
  return count
}

/** Keeps a count the caller already knows (a priced cart's item count). */
export function rememberCartCount(session: Session, count: number) {
  session.put(CART_COUNT, count)
}

/**
 * At sign-in or sign-up: moves the guest's cart into the customer's cart
 * (CartService.merge) and forgets the guest cart id.
 */
export async function adoptGuestCart(session: Session, user: User) {
  const carts = await app.container.make(CartService)
  const id = session.get(CART_ID)
  const guest = typeof id === 'string' ? await carts.find(id) : null
  session.forget(CART_ID)
  const cart = guest ? await carts.merge(guest, user) : await Cart.findBy('userId', user.id)
  await recountCart(session, cart)
}

/** At sign-out the cart belongs to the account, not to the browser. */
export function forgetCart(session: Session) {
  session.forget(CART_ID)
  session.forget(CART_COUNT)
}

/** A guest's proof of owning an order, kept for the payment and order pages. */
export function rememberOrderKey(session: Session, orderNumber: string, accessKey: string) {
  const keys = Object.entries(orderKeys(session)).filter(([number]) => number !== orderNumber)
  const kept = keys.slice(Math.max(0, keys.length - MAX_ORDER_KEYS + 1))
  session.put(ORDER_KEYS, Object.fromEntries([...kept, [orderNumber, accessKey]]))
}

/** The access key the session holds for an order, if any. */
export function orderKeyFor(session: Session, orderNumber: string): string | null {
  return orderKeys(session)[orderNumber] ?? null
}

function orderKeys(session: Session): Record<string, string> {
  const keys = session.get(ORDER_KEYS)
  return keys && typeof keys === 'object' ? (keys as Record<string, string>) : {}
}

/** The destination picked on the cart page; the checkout starts from it. */
export function rememberShipTo(session: Session, shipTo: ShipTo) {
  session.put(SHIP_TO, shipTo)
}

export function shipToOf(session: Session): ShipTo | null {
  const value = session.get(SHIP_TO) as Partial<ShipTo> | undefined
  if (!value || typeof value.country !== 'string') return null
  return { country: value.country, postalCode: String(value.postalCode ?? '') }
}
