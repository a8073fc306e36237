import { StaffEvent } from '#events/subject_events'

/** An admin withdrew a staff member's grant to move money. */
export default class StaffMoneyAccessRevoked extends StaffEvent {
  static action = 'staff.money_access_revoked'
}
