import { SubjectEvent } from '#events/business_event'
import type { StoreSettingsRow } from '#services/store_settings'

/** The store's name, currency or default language changed (node ace store:setup). */
export default class StoreSettingsUpdated extends SubjectEvent<StoreSettingsRow> {
  static action = 'store.settings_updated'
  static subjectType = 'store_settings'
}
