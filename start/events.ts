/*
 * The event map: which listeners react to which business events. Everything
 * that changes state is recorded in the audit log.
 */
import emitter from '@adonisjs/core/services/emitter'
import { listeners } from '#generated/listeners'
import CustomerRegistered from '#events/customer_registered'
import CustomerProfileUpdated from '#events/customer_profile_updated'
import CustomerAddressSaved from '#events/customer_address_saved'
import CustomerAddressRemoved from '#events/customer_address_removed'
import SellerApplied from '#events/seller_applied'
import SellerApproved from '#events/seller_approved'
import SellerRejected from '#events/seller_rejected'
import SellerProfileUpdated from '#events/seller_profile_updated'
import ProductCreated from '#events/product_created'
import ProductUpdated from '#events/product_updated'
import ProductSubmitted from '#events/product_submitted'
import ProductPublished from '#events/product_published'
import ProductRejected from '#events/product_rejected'
import ProductArchived from '#events/product_archived'
import ProductRestored from '#events/product_restored'
import CategoryCreated from '#events/category_created'
import CategoryUpdated from '#events/category_updated'
import CategoryDeleted from '#events/category_deleted'
import MediaUploaded from '#events/media_uploaded'
import MediaProcessed from '#events/media_processed'
import MediaFailed from '#events/media_failed'
import MediaUpdated from '#events/media_updated'
import MediaRemoved from '#events/media_removed'
import MediaRequeued from '#events/media_requeued'
import ProductMediaReordered from '#events/product_media_reordered'
import OrderPlaced from '#events/order_placed'
import OrderPaid from '#events/order_paid'
import OrderFulfilled from '#events/order_fulfilled'
import OrderCompleted from '#events/order_completed'
import OrderCanceled from '#events/order_canceled'
import OrderExpired from '#events/order_expired'
import OrderRefunded from '#events/order_refunded'
import SellerOrderPaid from '#events/seller_order_paid'
import SellerOrderShipped from '#events/seller_order_shipped'
import SellerOrderDelivered from '#events/seller_order_delivered'
import PurchaseConfirmed from '#events/purchase_confirmed'
import SellerOrderCanceled from '#events/seller_order_canceled'
import PaymentInitiated from '#events/payment_initiated'
import PaymentAuthorized from '#events/payment_authorized'
import PaymentCaptured from '#events/payment_captured'
import PaymentFailed from '#events/payment_failed'
import PaymentCanceled from '#events/payment_canceled'
import RefundIssued from '#events/refund_issued'
import RefundRequested from '#events/refund_requested'
import RefundFailed from '#events/refund_failed'
import PaymentHeldForReview from '#events/payment_held_for_review'
import PaymentAccepted from '#events/payment_accepted'
import PaymentMethodSaved from '#events/payment_method_saved'
import PaymentMethodRemoved from '#events/payment_method_removed'
import ShippingPolicyChanged from '#events/shipping_policy_changed'
import StaffMoneyAccessGranted from '#events/staff_money_access_granted'
import StaffMoneyAccessRevoked from '#events/staff_money_access_revoked'

const audited = [
  CustomerRegistered,
  CustomerProfileUpdated,
  CustomerAddressSaved,
  CustomerAddressRemoved,
  SellerApplied,
  SellerApproved,
  SellerRejected,
  SellerProfileUpdated,
  ProductCreated,
  ProductUpdated,
  ProductSubmitted,
  ProductPublished,
  ProductRejected,
  ProductArchived,
  ProductRestored,
  CategoryCreated,
  CategoryUpdated,
  CategoryDeleted,
  MediaUploaded,
  MediaProcessed,
  MediaFailed,
  MediaUpdated,
  MediaRemoved,
  MediaRequeued,
  ProductMediaReordered,
  OrderPlaced,
  OrderPaid,
  OrderFulfilled,
  OrderCompleted,
  OrderCanceled,
  OrderExpired,
  OrderRefunded,
  SellerOrderPaid,
  SellerOrderShipped,
  SellerOrderDelivered,
  PurchaseConfirmed,
  SellerOrderCanceled,
  PaymentInitiated,
  PaymentAuthorized,
  PaymentCaptured,
  PaymentFailed,
  PaymentCanceled,
  PaymentHeldForReview,
  PaymentAccepted,
  PaymentMethodSaved,
  PaymentMethodRemoved,
  RefundRequested,
  RefundIssued,
  RefundFailed,
  ShippingPolicyChanged,
  StaffMoneyAccessGranted,
  StaffMoneyAccessRevoked,
]

for (const event of audited) {
  emitter.on(event, [listeners.RecordAuditEvent])
}

emitter.on(OrderPlaced, [listeners.SendOrderMails, 'placed'])
emitter.on(OrderPaid, [listeners.SendOrderMails, 'paid'])
emitter.on(SellerOrderPaid, [listeners.SendOrderMails, 'sellerPaid'])
emitter.on(SellerOrderShipped, [listeners.SendOrderMails, 'shipped'])
emitter.on(PaymentHeldForReview, [listeners.AlertPaymentReview])
