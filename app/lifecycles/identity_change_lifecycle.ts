import { StateMachine } from '#lifecycles/state_machine'

/**
 * Where a seller's request to change its verified details stands. Only a
 * pending request can be decided; a seller withdraws it by sending another
 * one, by restoring the values in force, or explicitly.
 */
export const IdentityChangeStatus = {
  Pending: 'pending',
  Approved: 'approved',
  Rejected: 'rejected',
  Withdrawn: 'withdrawn',
} as const

export type IdentityChangeStatus = (typeof IdentityChangeStatus)[keyof typeof IdentityChangeStatus]

export const IDENTITY_CHANGE_STATUSES = Object.values(IdentityChangeStatus)

/** pending → approved | rejected | withdrawn; decided requests stay as they are. */
export const identityChangeLifecycle = new StateMachine('seller details change', {
  approve: { from: [IdentityChangeStatus.Pending], to: IdentityChangeStatus.Approved },
  reject: { from: [IdentityChangeStatus.Pending], to: IdentityChangeStatus.Rejected },
  withdraw: { from: [IdentityChangeStatus.Pending], to: IdentityChangeStatus.Withdrawn },
} as const)

export type IdentityChangeAction = keyof typeof identityChangeLifecycle.transitions
