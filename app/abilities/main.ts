/*
 * Abilities that are not about one record. Record-level rules (a seller only
 * ever touches its own products) live in app/policies.
 */
import { AuthorizationResponse, Bouncer } from '@adonisjs/bouncer'
import type User from '#models/user'
import { UserRole } from '#models/user_role'

/** Staff and admins review sellers and products and manage categories. */
export const operateMarketplace = Bouncer.ability((user: User) => user.isOperator)

/**
 * Moving money: refunds (and calling off a paid order, which refunds it),
 * accepting a payment held for review, marking a bank transfer received.
 * Admins may; staff only with an admin's grant (users.can_move_money).
 */
export const moveMoney = Bouncer.ability(
  (user: User) => user.isAdmin || (user.role === UserRole.Staff && user.canMoveMoney)
)

/** Only admins decide which staff may move money. */
export const manageStaff = Bouncer.ability((user: User) => user.isAdmin)

/**
 * Developer tools (the mail browser under /dev, development only) are for
 * admins: kept mails carry order keys. Anyone else gets a 404, as if they
 * did not exist.
 */
export const useDevTools = Bouncer.ability({ allowGuest: true }, (user: User | null) =>
  user?.isAdmin ? true : AuthorizationResponse.deny('Not found', 404)
)

/** Only admins read the audit log. */
export const viewAuditLog = Bouncer.ability((user: User) => user.isAdmin)

/**
 * Members of an approved seller use the seller center. The seller center
 * middleware loads the membership before asking.
 */
export const useSellerCenter = Bouncer.ability(
  (user: User) => user.membership?.seller?.isApproved === true
)

/**
 * Only admins run the queue page (retrying or discarding failed jobs): a
 * retried job can send mail or move an order again, so it is an operations
 * decision, not a marketplace one.
 */
export const operateQueue = Bouncer.ability((user: User) => user.isAdmin)
