import { CategoryEvent } from '#events/subject_events'

/** An operator added a category. */
export default class CategoryCreated extends CategoryEvent {
  static action = 'category.created'
}
