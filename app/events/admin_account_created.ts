import { StaffEvent } from '#events/subject_events'

/** An admin account was made from the command line (node ace admin:create or store:setup). */
export default class AdminAccountCreated extends StaffEvent {
  static action = 'staff.admin_created'
}
