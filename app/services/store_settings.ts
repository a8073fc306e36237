import type { ApplicationService } from '@adonisjs/core/types'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import type { Actor } from '#audit/actor'
import { changeBetween } from '#audit/change'
import { sqlTimestamp } from '#services/sql_time'
import StoreSettingsUpdated from '#events/store_settings_updated'

/** What `node ace store:setup` sets: the store's name, its currency and its default language. */
export interface StoreSettings {
  name: string
  currency: string
  locale: 'ko' | 'en'
}

/** The one row of store_settings, as the audit log names it. */
export type StoreSettingsRow = StoreSettings & { id: 1 }

const TABLE = 'store_settings'

/** The saved settings, or null before the store was ever set up (or migrated). */
export async function savedStoreSettings(
  client: QueryClientContract = db.connection()
): Promise<StoreSettings | null> {
  if (!(await client.schema.hasTable(TABLE))) return null
  const row = await client.from(TABLE).where('id', 1).first()
  return row ? { name: row.name, currency: row.currency, locale: row.default_locale } : null
}

/**
 * Saves the settings in `trx` with their audit row. Nothing is written when
 * nothing changes.
 */
export async function saveStoreSettings(
  trx: TransactionClientContract,
  settings: StoreSettings,
  actor: Actor
) {
  const before = await savedStoreSettings(trx)
  const change = changeBetween({ ...before }, { ...settings })
  if (!Object.keys(change.after).length) return
  const row = {
    name: settings.name,
    currency: settings.currency,
    default_locale: settings.locale,
    updated_at: sqlTimestamp(trx),
  }
  if (before) await trx.from(TABLE).where('id', 1).update(row)
  else await trx.table(TABLE).insert({ id: 1, ...row })
  await StoreSettingsUpdated.record(trx, { id: 1, ...settings }, actor, change)
}

/**
 * Puts saved settings in place of the environment's (STORE_NAME,
 * STORE_CURRENCY, DEFAULT_LOCALE) before the app serves anything: in the
 * config every part reads, and in the language manager built from it.
 */
export async function applyStoreSettings(app: ApplicationService, settings: StoreSettings) {
  app.config.set('store.name', settings.name)
  app.config.set('store.currency', settings.currency)
  // Shipping amounts are in the store currency; the shipping registry reads this object.
  app.config.get<{ currency?: string }>('shipping').currency = settings.currency
  const i18n = await app.container.make('i18n')
  i18n.config.defaultLocale = settings.locale
}
