import type User from '#models/user'

/** Who caused a change, as the audit log records it. */
export type ActorRole = 'admin' | 'staff' | 'seller' | 'customer' | 'system'

export interface Actor {
  userId: number | null
  role: ActorRole
}

/** Changes made by scheduled jobs, seeders and commands. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ userId: null, role: 'system' })

/**
 * The actor for a signed-in user. `asSeller` marks changes a member makes
 * inside the seller center, so the log tells seller edits from shopping.
 */
export function actorFor(user: User, options: { asSeller?: boolean } = {}): Actor {
  if (user.role === 'admin' || user.role === 'staff') return { userId: user.id, role: user.role }
  return { userId: user.id, role: options.asSeller ? 'seller' : 'customer' }
}
