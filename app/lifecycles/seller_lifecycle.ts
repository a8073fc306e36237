import { StateMachine } from '#lifecycles/state_machine'

/**
 * Where a seller application (입점 신청) stands. Only approved sellers use the
 * seller center and appear on the storefront.
 */
export const SellerStatus = {
  Pending: 'pending',
  Approved: 'approved',
  Rejected: 'rejected',
} as const

export type SellerStatus = (typeof SellerStatus)[keyof typeof SellerStatus]

export const SELLER_STATUSES = Object.values(SellerStatus)

/**
 * pending → approved | rejected; a rejected applicant may fix the application
 * and apply again.
 */
export const sellerLifecycle = new StateMachine('seller application', {
  approve: { from: [SellerStatus.Pending], to: SellerStatus.Approved },
  reject: { from: [SellerStatus.Pending], to: SellerStatus.Rejected },
  reapply: { from: [SellerStatus.Rejected], to: SellerStatus.Pending },
} as const)

export type SellerAction = keyof typeof sellerLifecycle.transitions
