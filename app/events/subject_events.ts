import { SubjectEvent } from '#events/business_event'
import type User from '#models/user'
import type Seller from '#models/seller'
import type Product from '#models/product'
import type Address from '#models/address'
import type Category from '#models/category'
import type Media from '#models/media'
import type Order from '#models/order'
import type SellerOrder from '#models/seller_order'
import type Payment from '#models/payment'
import type ShippingPolicyVersion from '#models/shipping_policy_version'
import type SavedPaymentMethod from '#models/saved_payment_method'

/** Events about a customer's account. */
export abstract class CustomerEvent extends SubjectEvent<User> {
  static subjectType = 'user'
}

/** Events about what a staff member may do. */
export abstract class StaffEvent extends SubjectEvent<User> {
  static subjectType = 'user'
}

/** Events about a customer's saved addresses. */
export abstract class AddressEvent extends SubjectEvent<Address> {
  static subjectType = 'address'
}

/** Events about a seller and its application. */
export abstract class SellerEvent extends SubjectEvent<Seller> {
  static subjectType = 'seller'
}

/** Events about a product and its review. */
export abstract class ProductEvent extends SubjectEvent<Product> {
  static subjectType = 'product'
}

/** Events about the category tree. */
export abstract class CategoryEvent extends SubjectEvent<Category> {
  static subjectType = 'category'
}

/** Events about a product photo or video. */
export abstract class MediaEvent extends SubjectEvent<Media> {
  static subjectType = 'media'
}

/** Events about a customer's order as a whole. */
export abstract class OrderEvent extends SubjectEvent<Order> {
  static subjectType = 'order'
}

/** Events about one seller's part of an order and its shipment. */
export abstract class SellerOrderEvent extends SubjectEvent<SellerOrder> {
  static subjectType = 'seller_order'
}

/** Events about a payment attempt and the money it moved. */
export abstract class PaymentEvent extends SubjectEvent<Payment> {
  static subjectType = 'payment'
}

/** Events about a customer's saved payment methods (ids and card summary only). */
export abstract class SavedMethodEvent extends SubjectEvent<SavedPaymentMethod> {
  static subjectType = 'saved_payment_method'
}

/** Events about a seller's shipping policy versions. */
export abstract class ShippingPolicyEvent extends SubjectEvent<ShippingPolicyVersion> {
  static subjectType = 'shipping_policy'
}
