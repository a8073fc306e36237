import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { StockState } from '#lifecycles/order_lifecycle'
import { SellerOrderStatus } from '#lifecycles/seller_order_lifecycle'
import { affectedRows } from '#services/orders/row_transition'

/** A quantity of a variant an order wants. */
export interface StockClaim {
  variantId: number
  quantity: number
}

/**
 * Takes stock for an order with one conditional UPDATE per variant
 * (`stock = stock - n WHERE stock >= n`), in variant order so concurrent
 * checkouts lock rows in the same order on PostgreSQL. Stock can never go
 * below zero: a claim that does not fit changes nothing and is returned.
 * The caller rolls the transaction back when anything is returned.
 */
export async function reserveStock(
  trx: TransactionClientContract,
  claims: StockClaim[]
): Promise<StockClaim[]> {
  const short: StockClaim[] = []
  const sorted = [...claims].sort((a, b) => a.variantId - b.variantId)
  for (const claim of sorted) {
    const result = await trx
      .from('product_variants')
      .where('id', claim.variantId)
      .where('stock', '>=', claim.quantity)
      .decrement('stock', claim.quantity)
    if (affectedRows(result) !== 1) short.push(claim)
  }
  return short
}

/**
 * Gives an order's stock back, exactly once: the order's stock_state moves
 * to released with a conditional UPDATE, and only the caller that made that
 * move puts the quantities back. Items of seller orders already canceled
 * (refunded in full before shipping) went back then and are skipped.
 */
export async function releaseStock(
  trx: TransactionClientContract,
  orderId: number,
  from: readonly StockState[] = [StockState.Reserved]
): Promise<boolean> {
  const moved = await trx
    .from('orders')
    .where('id', orderId)
    .whereIn('stock_state', [...from])
    .update({ stock_state: StockState.Released })
  if (affectedRows(moved) !== 1) return false

  const canceled = trx
    .from('seller_orders')
    .where('order_id', orderId)
    .where('status', SellerOrderStatus.Canceled)
    .select('id')
  await restock(
    trx,
    await trx
      .from('order_items')
      .where('order_id', orderId)
      .whereNotIn('seller_order_id', canceled)
      .select('variant_id', 'quantity')
  )
  return true
}

/**
 * Gives one seller order's stock back, when it is called off on its own (a
 * refund left nothing to ship). The caller makes it happen once: it runs in
 * the transaction that moved the seller order to canceled.
 */
export async function releaseSellerOrderStock(
  trx: TransactionClientContract,
  sellerOrderId: number
) {
  await restock(
    trx,
    await trx
      .from('order_items')
      .where('seller_order_id', sellerOrderId)
      .select('variant_id', 'quantity')
  )
}

/** Puts bought quantities back on their variants (in variant order, as reserveStock locks). */
async function restock(
  trx: TransactionClientContract,
  items: { variant_id: number | null; quantity: number }[]
) {
  const sorted = items
    .flatMap(({ variant_id: id, quantity }) => (id === null ? [] : [{ id, quantity }]))
    .sort((a, b) => a.id - b.id)
  for (const item of sorted) {
    await trx.from('product_variants').where('id', item.id).increment('stock', item.quantity)
  }
}

/** Turns an order's reservation into a sale once it is paid (exactly once). */
export async function sellReservedStock(trx: TransactionClientContract, orderId: number) {
  const moved = await trx
    .from('orders')
    .where('id', orderId)
    .where('stock_state', StockState.Reserved)
    .update({ stock_state: StockState.Sold })
  return affectedRows(moved) === 1
}
