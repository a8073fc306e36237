/*
 * Abilities that are not about one record. Record-level rules (a seller only
 * ever touches its own products) live in app/policies.
 */
import { AuthorizationResponse, Bouncer } from '@adonisjs/bouncer'
import type User from '#models/user'

/** Staff and admins review sellers and products and manage categories. */
export const operateMarketplace = Bouncer.ability((user: User) => user.isOperator)

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
