import { CategoryEvent } from '#events/subject_events'

/** An operator renamed or moved a category. */
export default class CategoryUpdated extends CategoryEvent {
  static action = 'category.updated'
}
