import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import config from '@adonisjs/core/services/config'
import SellerOrder from '#models/seller_order'
import type { Actor } from '#audit/actor'
import { SYSTEM_ACTOR } from '#audit/actor'
import {
  SHIPPED_STATUSES,
  SellerOrderStatus,
  sellerOrderLifecycle,
} from '#lifecycles/seller_order_lifecycle'
import type { SellerOrderAction } from '#lifecycles/seller_order_lifecycle'
import { InvalidTransitionException } from '#lifecycles/state_machine'
import { transitionRow } from '#services/orders/row_transition'
import { sqlTimestamp } from '#services/sql_time'
import { advanceOrder } from '#services/orders/order_progress'
import SellerOrderShipped from '#events/seller_order_shipped'
import SellerOrderDelivered from '#events/seller_order_delivered'
import PurchaseConfirmed from '#events/purchase_confirmed'

interface AutoConfirm {
  autoConfirmAfterDeliveryDays: number
  autoConfirmAfterShippingDays: number
}

/**
 * A seller order's way to the customer: shipped with a carrier and tracking
 * number, delivered, purchase-confirmed (구매확정). The order follows: it is
 * fulfilled once every seller shipped and completed once every seller order
 * is confirmed.
 */
export class FulfillmentService {
  /** The seller hands the parcel to a carrier. */
  async ship(
    sellerOrder: SellerOrder,
    shipment: { carrier: string; trackingNumber: string },
    actor: Actor
  ) {
    await this.#move(
      sellerOrder,
      'ship',
      actor,
      { carrier: shipment.carrier, tracking_number: shipment.trackingNumber, shipped_at: null },
      (trx) => advanceOrder(trx, sellerOrder.orderId, 'fulfill', SHIPPED_STATUSES, actor)
    )
  }

  /** The parcel arrived (marked by the seller). */
  async deliver(sellerOrder: SellerOrder, actor: Actor) {
    await this.#move(sellerOrder, 'deliver', actor, { delivered_at: null })
  }

  /** 구매확정: by the customer, or automatically after the configured days. */
  async confirmPurchase(sellerOrder: SellerOrder, actor: Actor) {
    await this.#move(sellerOrder, 'confirm', actor, { confirmed_at: null }, (trx) =>
      advanceOrder(
        trx,
        sellerOrder.orderId,
        'complete',
        [SellerOrderStatus.PurchaseConfirmed],
        actor
      )
    )
  }

  /**
   * Confirms purchases whose customer did not (the scheduled job): delivered
   * more than N days ago, or shipped more than M days ago and never marked
   * delivered. Returns how many were confirmed.
   */
  async autoConfirmDue(now: DateTime = DateTime.now(), batch = 200): Promise<number> {
    const days = config.get<AutoConfirm>('store.orders')
    const due = await SellerOrder.query()
      .where((query) => {
        query
          .where((delivered) =>
            delivered
              .where('status', SellerOrderStatus.Delivered)
              .where(
                'deliveredAt',
                '<=',
                sqlTimestamp(
                  db.connection(),
                  now.minus({ days: days.autoConfirmAfterDeliveryDays })
                )
              )
          )
          .orWhere((shipped) =>
            shipped
              .where('status', SellerOrderStatus.Shipped)
              .where(
                'shippedAt',
                '<=',
                sqlTimestamp(
                  db.connection(),
                  now.minus({ days: days.autoConfirmAfterShippingDays })
                )
              )
          )
      })
      .orderBy('id')
      .limit(batch)
    let confirmed = 0
    for (const sellerOrder of due) {
      try {
        await this.confirmPurchase(sellerOrder, SYSTEM_ACTOR)
        confirmed++
      } catch (error) {
        if (!(error instanceof InvalidTransitionException)) throw error
      }
    }
    return confirmed
  }

  /**
   * Moves a seller order with a conditional update, stamping the `*_at`
   * columns given as null with the current time, and records the move; then
   * `andThen` runs in the same transaction (the order following its seller
   * orders). A move the state does not allow raises
   * InvalidTransitionException (409).
   */
  async #move(
    sellerOrder: SellerOrder,
    action: Extract<SellerOrderAction, 'ship' | 'deliver' | 'confirm'>,
    actor: Actor,
    columns: Record<string, string | null>,
    andThen?: (trx: TransactionClientContract) => Promise<void>
  ) {
    const before = sellerOrder.status
    const moved = await db.transaction(async (trx) => {
      // The order row first: two sellers shipping at once take turns, so the
      // second sees the first's parcel when it checks whether all have left.
      await trx.from('orders').where('id', sellerOrder.orderId).forUpdate().first()
      const now = sqlTimestamp(trx)
      const stamped = Object.fromEntries(
        Object.entries(columns).map(([key, value]) => [key, value ?? now])
      )
      const done = await transitionRow(
        trx,
        'seller_orders',
        sellerOrder.id,
        sellerOrderLifecycle,
        action,
        stamped
      )
      if (!done) return false
      const fresh = await SellerOrder.findOrFail(sellerOrder.id, { client: trx })
      const Event = {
        ship: SellerOrderShipped,
        deliver: SellerOrderDelivered,
        confirm: PurchaseConfirmed,
      }[action]
      await Event.record(trx, fresh, actor, {
        before: { status: before },
        after: {
          status: fresh.status,
          ...(action === 'ship'
            ? { carrier: fresh.carrier, trackingNumber: fresh.trackingNumber }
            : {}),
        },
      })
      await andThen?.(trx)
      return true
    })
    await sellerOrder.refresh()
    if (!moved) sellerOrderLifecycle.next(sellerOrder.status, action)
    if (!moved)
      throw new InvalidTransitionException('This order changed meanwhile; reload and try again')
  }
}
