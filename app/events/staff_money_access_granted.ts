import { StaffEvent } from '#events/subject_events'

/** An admin let a staff member move money (refunds, held payments, deposits). */
export default class StaffMoneyAccessGranted extends StaffEvent {
  static action = 'staff.money_access_granted'
}
