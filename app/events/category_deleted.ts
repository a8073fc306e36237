import { CategoryEvent } from '#events/subject_events'

/** An operator deleted an empty category. */
export default class CategoryDeleted extends CategoryEvent {
  static action = 'category.deleted'
}
