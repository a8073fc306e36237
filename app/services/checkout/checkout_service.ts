import { createHash, randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Cart from '#models/cart'
import Order from '#models/order'
import SellerOrder from '#models/seller_order'
import OrderItem from '#models/order_item'
import type Payment from '#models/payment'
import type User from '#models/user'
import type { Actor } from '#audit/actor'
import { OrderStatus, StockState } from '#lifecycles/order_lifecycle'
import { SellerOrderStatus } from '#lifecycles/seller_order_lifecycle'
import {
  CartChangedException,
  CartEmptyException,
  ItemUnavailableException,
  NotDeliverableException,
  OutOfStockException,
} from '#exceptions/commerce_exceptions'
import { summarizeCart } from '#services/cart/cart_summary'
import type { CartSummary } from '#services/cart/cart_summary'
import { inject } from '@adonisjs/core'
import config from '@adonisjs/core/services/config'
import { ShippingQuoter } from '#services/shipping/shipping_quoter'
import { PaymentService } from '#services/payments/payment_service'
import { SavedMethods } from '#services/payments/saved_methods'
import type SavedPaymentMethod from '#models/saved_payment_method'
import type { ShippingAddress } from '#services/orders/shipping_address'
import { newOrderNumber } from '#services/orders/order_number'
import { affectedRows } from '#services/orders/row_transition'
import { reserveStock } from '#services/orders/stock'
import { failValidation } from '#services/validation'
import OrderPlaced from '#events/order_placed'

/** What the shopper submitted; prices and totals are never part of it. */
export interface CheckoutInput {
  cartId: string
  email: string
  shippingAddress: ShippingAddress
  paymentMethod: string
  user: User | null
  locale: string
  /** Keep the method for one-click payments (signed-in customers, adapters that can). */
  saveMethod?: boolean
  /** One-click: charge this saved method of the customer's; its adapter is the payment method. */
  savedMethodId?: number | null
}

/** A placed order, its first payment attempt, and the key a guest uses to view it. */
export interface PlacedOrder {
  order: Order
  payment: Payment
  accessKey: string
}

interface CheckoutSettings {
  currency: string
  numberPrefix: string
  unpaidTtlMinutes: Record<string, number>
}

/**
 * Places orders. The cart is priced again on the server for the address;
 * then one transaction checks the cart did not change, reserves stock with
 * conditional updates (never below zero, on SQLite and PostgreSQL alike),
 * writes the order with one seller order per seller and snapshots of every
 * line, empties the cart and records a payment attempt. The payment adapter
 * is called after the commit.
 */
@inject()
export class CheckoutService {
  readonly settings: CheckoutSettings

  constructor(
    readonly quoter: ShippingQuoter,
    readonly payments: PaymentService,
    readonly savedMethods: SavedMethods
  ) {
    this.settings = {
      currency: config.get<string>('store.currency'),
      numberPrefix: config.get<string>('store.orders.numberPrefix'),
      unpaidTtlMinutes: config.get<Record<string, number>>('store.orders.unpaidTtlMinutes'),
    }
  }

  async place(given: CheckoutInput, actor: Actor): Promise<PlacedOrder> {
    const savedMethod = await this.#savedMethod(given)
    const input = { ...given, paymentMethod: savedMethod?.adapter ?? given.paymentMethod }
    if (!this.payments.manager.has(input.paymentMethod)) {
      failValidation('paymentMethod', 'Choose one of the offered payment methods', 'paymentMethod')
    }
    const cart = await Cart.find(input.cartId)
    if (!cart) failValidation('cartId', 'This cart does not exist', 'exists')

    const summary = await summarizeCart(cart, destinationOf(input.shippingAddress), this.quoter, {
      currency: this.settings.currency,
    })
    this.#assertOrderable(summary)

    const accessKey = randomBytes(24).toString('base64url')
    const { order, payment, announcement } = await db.transaction(async (trx) => {
      const bumped = await trx
        .from('carts')
        .where({ id: cart.id, version: summary.version })
        .increment('version', 1)
      if (affectedRows(bumped) !== 1) throw new CartChangedException()

      const lines = summary.sellers.flatMap((group) => group.items)
      const short = await reserveStock(trx, lines)
      if (short.length) throw await this.#outOfStock(trx, summary, short)

      const placed = await this.#writeOrder(trx, summary, input, accessKey)
      await trx.from('cart_items').where('cart_id', cart.id).delete()
      const attempt = await this.payments.createAttempt(trx, placed, input.paymentMethod)
      if (this.#keepsMethod(input)) await attempt.merge({ saveMethod: true }).save()
      const event = await new OrderPlaced(placed, actor, {
        before: {},
        after: {
          number: placed.number,
          status: placed.status,
          grandTotal: placed.grandTotal,
          currency: placed.currency,
          paymentMethod: placed.paymentMethod,
        },
      }).record(trx, { announce: 'later' })
      return { order: placed, payment: attempt, announcement: event }
    })

    // The payment session first: the confirmation mail shows how to pay. A
    // one-click charge comes after, so the order reads placed, then paid.
    const session = savedMethod ? payment : await this.payments.initiate(payment, order, actor)
    await announcement.announce()
    if (!savedMethod) return { order, payment: session, accessKey }
    const charged = await this.savedMethods.payWith(
      this.payments,
      { payment, order, method: savedMethod },
      actor
    )
    return { order: await order.refresh(), payment: charged, accessKey }
  }

  /** The customer's saved method to pay with; anyone else's (or a guest's pick) is a field error. */
  async #savedMethod(input: CheckoutInput): Promise<SavedPaymentMethod | null> {
    if (!input.savedMethodId) return null
    const usable = input.user ? await this.savedMethods.usable(input.user) : []
    const found = usable.find(({ method }) => method.id === input.savedMethodId)
    if (!found)
      failValidation('savedMethodId', 'Choose one of your saved payment methods', 'exists')
    return found.method
  }

  /** Whether the attempt asks the adapter to keep the method: a signed-in customer who can. */
  #keepsMethod(input: CheckoutInput): boolean {
    if (!input.saveMethod || !input.user || input.savedMethodId) return false
    return this.payments.manager.use(input.paymentMethod).capabilities.savedMethods
  }

  #assertOrderable(summary: CartSummary) {
    const lines = summary.sellers.flatMap((group) => group.items)
    if (!lines.length) throw new CartEmptyException()
    const unavailable = lines.find((line) => line.problem === 'unavailable')
    if (unavailable) {
      throw new ItemUnavailableException(`"${unavailable.title}" is no longer for sale`)
    }
    const short = lines.filter((line) => line.problem === 'out_of_stock')
    if (short.length) {
      throw new OutOfStockException(
        short.map((line) => ({
          variantId: line.variantId,
          title: line.title,
          requested: line.quantity,
          available: line.stock,
        }))
      )
    }
    const refused = summary.sellers.filter((group) => !group.shipping.result.deliverable)
    if (refused.length) {
      throw new NotDeliverableException(
        refused.map((group) => {
          const result = group.shipping.result as { reason: string; message: string }
          return {
            sellerId: group.sellerId,
            sellerName: group.sellerName,
            reason: result.reason,
            message: result.message,
          }
        })
      )
    }
  }

  /** The stock another checkout took first, read inside the failing transaction. */
  async #outOfStock(
    trx: TransactionClientContract,
    summary: CartSummary,
    short: { variantId: number; quantity: number }[]
  ) {
    const rows = await trx
      .from('product_variants')
      .whereIn(
        'id',
        short.map((claim) => claim.variantId)
      )
      .select('id', 'stock')
    const stock = new Map(rows.map((row) => [Number(row.id), Number(row.stock)]))
    const titles = new Map(
      summary.sellers.flatMap((group) => group.items).map((line) => [line.variantId, line.title])
    )
    return new OutOfStockException(
      short.map((claim) => ({
        variantId: claim.variantId,
        title: titles.get(claim.variantId) ?? '',
        requested: claim.quantity,
        available: stock.get(claim.variantId) ?? 0,
      }))
    )
  }

  async #writeOrder(
    trx: TransactionClientContract,
    summary: CartSummary,
    input: CheckoutInput,
    accessKey: string
  ): Promise<Order> {
    const ttl =
      this.settings.unpaidTtlMinutes[input.paymentMethod] ?? this.settings.unpaidTtlMinutes.default
    const order = await Order.create(
      {
        number: newOrderNumber(this.settings.numberPrefix),
        userId: input.user?.id ?? null,
        email: input.email,
        locale: input.locale,
        status: OrderStatus.PendingPayment,
        stockState: StockState.Reserved,
        currency: summary.currency,
        subtotal: summary.totals.subtotal,
        shippingTotal: summary.totals.shipping,
        grandTotal: summary.totals.grandTotal,
        shippingAddress: input.shippingAddress,
        paymentMethod: input.paymentMethod,
        accessKeyHash: hashAccessKey(accessKey),
        expiresAt: DateTime.now().plus({ minutes: ttl }),
      },
      { client: trx }
    )

    for (const group of summary.sellers) {
      const quote = group.shipping.result
      const amount = quote.deliverable ? quote.amount : 0
      const sellerOrder = await SellerOrder.create(
        {
          orderId: order.id,
          sellerId: group.sellerId,
          status: SellerOrderStatus.AwaitingPayment,
          subtotal: group.subtotal,
          shippingAmount: amount,
          total: group.subtotal + amount,
          shippingPolicyId: group.shipping.shippingPolicyId,
          surchargePolicyId: group.shipping.surchargePolicyId,
          shippingBreakdown: quote.deliverable ? quote.breakdown : [],
        },
        { client: trx }
      )
      await OrderItem.createMany(
        group.items.map((line) => ({
          orderId: order.id,
          sellerOrderId: sellerOrder.id,
          productId: line.productId,
          variantId: line.variantId,
          productTitle: line.title,
          variantLabel: line.variantLabel,
          sku: line.sku,
          unitPrice: line.unitPrice,
          quantity: line.quantity,
          lineTotal: line.lineTotal,
          weightGrams: line.weightGrams,
        })),
        { client: trx }
      )
    }
    return order
  }
}

/** Where a parcel goes, from the validated address. */
export function destinationOf(address: ShippingAddress) {
  return {
    country: address.country,
    postalCode: address.postalCode,
    region: address.region,
    city: address.city,
  }
}

/** Guests' order keys are stored hashed, like passwords. */
export function hashAccessKey(key: string): string {
  return createHash('sha256').update(key).digest('hex')
}
