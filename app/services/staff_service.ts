import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import { UserRole } from '#models/user_role'
import type { Actor } from '#audit/actor'
import { affectedRows } from '#services/orders/row_transition'
import StaffMoneyAccessGranted from '#events/staff_money_access_granted'
import StaffMoneyAccessRevoked from '#events/staff_money_access_revoked'

/**
 * Staff members and the one thing an admin may let them do beyond operating
 * the marketplace: moving money (the moveMoney ability).
 */
export default class StaffService {
  /** Every staff member, by name. */
  list() {
    return User.query().where('role', UserRole.Staff).orderBy('full_name').orderBy('id')
  }

  /**
   * Grants or withdraws a staff member's grant to move money with one
   * conditional UPDATE, so it holds only for staff and only a real change is
   * recorded. Returns whether anything changed.
   */
  async setMoneyAccess(staff: User, granted: boolean, actor: Actor): Promise<boolean> {
    const changed = await db.transaction(async (trx) => {
      const result = await User.query({ client: trx })
        .where('id', staff.id)
        .where('role', UserRole.Staff)
        .where('can_move_money', !granted)
        .update({ can_move_money: granted })
      if (affectedRows(result) !== 1) return false
      const Event = granted ? StaffMoneyAccessGranted : StaffMoneyAccessRevoked
      await Event.record(trx, staff, actor, {
        before: { canMoveMoney: !granted },
        after: { canMoveMoney: granted },
      })
      return true
    })
    if (changed) await staff.refresh()
    return changed
  }
}
