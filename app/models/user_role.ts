/**
 * Account roles. Seller membership is not a role of its own: it comes from a
 * row in seller_members, so a seller's staff can also shop as customers.
 */
export const UserRole = {
  Customer: 'customer',
  Staff: 'staff',
  Admin: 'admin',
} as const

export type UserRole = (typeof UserRole)[keyof typeof UserRole]

/** What a member may do inside their seller's center. */
export const SellerMemberRole = {
  Owner: 'owner',
  Manager: 'manager',
} as const

export type SellerMemberRole = (typeof SellerMemberRole)[keyof typeof SellerMemberRole]
