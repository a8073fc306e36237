import { StateMachine } from '#lifecycles/state_machine'

/**
 * Where a product stands in review (심사). Only published products are visible
 * on the storefront.
 */
export const ProductStatus = {
  Draft: 'draft',
  PendingReview: 'pending_review',
  Published: 'published',
  Rejected: 'rejected',
  Archived: 'archived',
} as const

export type ProductStatus = (typeof ProductStatus)[keyof typeof ProductStatus]

export const PRODUCT_STATUSES = Object.values(ProductStatus)

/**
 * draft → pending_review → published | rejected → archived. A rejected product
 * can be fixed and resubmitted; an archived one restored to draft. Changing
 * the content of a published product sends it back to review.
 */
export const productLifecycle = new StateMachine('product', {
  submit: { from: [ProductStatus.Draft, ProductStatus.Rejected], to: ProductStatus.PendingReview },
  publish: { from: [ProductStatus.PendingReview], to: ProductStatus.Published },
  reject: { from: [ProductStatus.PendingReview], to: ProductStatus.Rejected },
  resubmit: { from: [ProductStatus.Published], to: ProductStatus.PendingReview },
  archive: {
    from: [ProductStatus.Draft, ProductStatus.Rejected, ProductStatus.Published],
    to: ProductStatus.Archived,
  },
  restore: { from: [ProductStatus.Archived], to: ProductStatus.Draft },
} as const)

export type ProductAction = keyof typeof productLifecycle.transitions

/** States in which the seller may edit the product. */
export const EDITABLE_PRODUCT_STATUSES: readonly ProductStatus[] = [
  ProductStatus.Draft,
  ProductStatus.Rejected,
  ProductStatus.Published,
]
