import { BaseTransformer } from '@adonisjs/core/transformers'
import type Seller from '#models/seller'

/** A seller as operators see it in the admin API (no bank details). */
export default class SellerTransformer extends BaseTransformer<Seller> {
  toObject() {
    const seller = this.resource
    return {
      ...this.pick(seller, ['id', 'name', 'slug', 'status', 'rejectionReason']),
      reviewedAt: seller.reviewedAt?.toISO() ?? null,
    }
  }
}
