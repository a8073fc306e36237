import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import User from '#models/user'
import type Category from '#models/category'
import { UserRole } from '#models/user_role'
import { SYSTEM_ACTOR } from '#audit/actor'
import { changeBetween, snapshot } from '#audit/change'
import { uniquely } from '#services/validation'
import { saveStoreSettings, type StoreSettings } from '#services/store_settings'
import CategoryService, { type CategoryInput } from '#services/catalog/category_service'
import AdminAccountCreated from '#events/admin_account_created'

/** An admin account as the commands take it (validated by signupValidator). */
export interface AdminInput {
  email: string
  name: string
  password: string
}

export interface StoreSetupInput {
  settings: StoreSettings
  categories: CategoryInput[]
  /** The first admin; left out when the store already has one. */
  admin?: AdminInput
}

/**
 * Setting up a store from the command line, without SQL: its settings, its
 * first categories and its first admin. Each call is one transaction with
 * its audit rows, recorded as the system actor: all of it lands, or nothing.
 */
@inject()
export default class StoreSetupService {
  constructor(protected categories: CategoryService) {}

  /** Whether any admin account exists. */
  async hasAdmin(): Promise<boolean> {
    return Boolean(await User.query().where('role', UserRole.Admin).first())
  }

  /** Creates an admin account; the password is hashed on save. */
  createAdmin(input: AdminInput): Promise<User> {
    return db.transaction((trx) => this.#createAdmin(trx, input))
  }

  /** Saves the settings, adds the categories and, when given, the first admin. */
  setUp(input: StoreSetupInput): Promise<{ admin: User | null; categories: Category[] }> {
    return db.transaction(async (trx) => {
      await saveStoreSettings(trx, input.settings, SYSTEM_ACTOR)
      const categories: Category[] = []
      for (const [position, category] of input.categories.entries()) {
        categories.push(await this.categories.create({ position, ...category }, SYSTEM_ACTOR, trx))
      }
      const admin = input.admin ? await this.#createAdmin(trx, input.admin) : null
      return { admin, categories }
    })
  }

  #createAdmin(trx: TransactionClientContract, input: AdminInput) {
    return uniquely(
      async () => {
        const admin = await User.create(
          {
            email: input.email,
            password: input.password,
            fullName: input.name,
            role: UserRole.Admin,
          },
          { client: trx }
        )
        await AdminAccountCreated.record(
          trx,
          admin,
          SYSTEM_ACTOR,
          changeBetween({}, snapshot(admin, ['email', 'fullName', 'role']))
        )
        return admin
      },
      'email',
      'This email is already taken',
      'database.unique'
    )
  }
}
