/*
 * The event map: which listeners react to which business events. Every
 * business event is already in the audit log by the time a listener hears
 * it: events are recorded in the transaction that makes the change (see
 * BusinessEvent#record) and emitted once it commits.
 */
import emitter from '@adonisjs/core/services/emitter'
import { listeners } from '#generated/listeners'
import OrderPlaced from '#events/order_placed'
import OrderPaid from '#events/order_paid'
import SellerOrderPaid from '#events/seller_order_paid'
import SellerOrderShipped from '#events/seller_order_shipped'
import PaymentHeldForReview from '#events/payment_held_for_review'
import SellerIdentityChangeRequested from '#events/seller_identity_change_requested'
import RefundIssued from '#events/refund_issued'

emitter.on(OrderPlaced, [listeners.SendOrderMails, 'placed'])
emitter.on(OrderPaid, [listeners.SendOrderMails, 'paid'])
emitter.on(SellerOrderPaid, [listeners.SendOrderMails, 'sellerPaid'])
emitter.on(SellerOrderShipped, [listeners.SendOrderMails, 'shipped'])
emitter.on(RefundIssued, [listeners.SendOrderMails, 'refunded'])
emitter.on(PaymentHeldForReview, [listeners.AlertPaymentReview])
emitter.on(PaymentHeldForReview, [listeners.AlertTeamOfHeldPayment])
emitter.on(SellerIdentityChangeRequested, [listeners.AlertPayoutAccountChange])
