import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import Address from '#models/address'
import { UserRole } from '#models/user_role'
import { actorFor } from '#audit/actor'
import { changeBetween, snapshot } from '#audit/change'
import { uniquely } from '#services/validation'
import { verifyCurrentPassword } from '#services/auth_service'
import { affectedRows } from '#services/orders/row_transition'
import CustomerRegistered from '#events/customer_registered'
import CustomerProfileUpdated from '#events/customer_profile_updated'
import CustomerAddressSaved from '#events/customer_address_saved'
import CustomerAddressRemoved from '#events/customer_address_removed'

export interface RegistrationInput {
  email: string
  password: string
  name: string
}

export interface ProfileInput {
  fullName: string
  phone?: string
  locale?: 'ko' | 'en'
}

export interface AddressInput {
  label?: string
  recipient: string
  phone: string
  country: string
  postalCode: string
  region?: string
  city?: string
  line1: string
  line2?: string
  isDefault?: boolean
}

const PROFILE_FIELDS = ['fullName', 'phone', 'locale'] as const
const ADDRESS_FIELDS = [
  'label',
  'recipient',
  'phone',
  'country',
  'postalCode',
  'region',
  'city',
  'line1',
  'line2',
  'isDefault',
] as const

/**
 * Customer accounts: sign-up, profile, password and saved addresses.
 */
export default class AccountService {
  /** Creates a customer account; the password is hashed on save. */
  async register(input: RegistrationInput): Promise<User> {
    return uniquely(
      () =>
        db.transaction(async (trx) => {
          const user = await User.create(
            {
              email: input.email,
              password: input.password,
              fullName: input.name,
              role: UserRole.Customer,
            },
            { client: trx }
          )
          await CustomerRegistered.record(
            trx,
            user,
            actorFor(user),
            changeBetween({}, snapshot(user, ['email', 'fullName', 'role']))
          )
          return user
        }),
      'email',
      'This email is already taken',
      'database.unique'
    )
  }

  async updateProfile(user: User, input: ProfileInput): Promise<User> {
    const before = snapshot(user, PROFILE_FIELDS)
    user.merge({
      fullName: input.fullName,
      phone: input.phone ?? null,
      locale: input.locale ?? user.locale,
    })
    const change = changeBetween(before, snapshot(user, PROFILE_FIELDS))
    if (!Object.keys(change.after).length) return user
    await db.transaction(async (trx) => {
      await user.useTransaction(trx).save()
      await CustomerProfileUpdated.record(trx, user, actorFor(user), change)
    })
    return user
  }

  /**
   * Replaces the password after checking the current one (rate limited per
   * user and IP). It also moves the user's session version, which signs out
   * every web session signed in before, and revokes every API token: whoever
   * held the old password keeps nothing. The caller signs its own session in
   * again (ProfileController).
   */
  async changePassword(user: User, currentPassword: string, password: string, ip: string) {
    await verifyCurrentPassword(user, currentPassword, ip)
    const before = { password: '[redacted]', sessionVersion: user.sessionVersion }
    await db.transaction(async (trx) => {
      await User.query({ client: trx }).where('id', user.id).increment('session_version', 1)
      user.useTransaction(trx)
      user.password = password
      await user.save()
      const revokedTokens = await trx
        .from('auth_access_tokens')
        .where('tokenable_id', user.id)
        .delete()
      await user.refresh()
      await CustomerProfileUpdated.record(trx, user, actorFor(user), {
        before,
        after: {
          password: '[redacted]',
          sessionVersion: user.sessionVersion,
          apiTokensRevoked: affectedRows(revokedTokens),
        },
      })
    })
  }

  /**
   * Adds an address, or edits one of the user's own. The first address, or
   * one marked default, becomes the only default address.
   */
  async saveAddress(user: User, input: AddressInput, address?: Address): Promise<Address> {
    const before = address ? snapshot(address, ADDRESS_FIELDS) : {}
    const saved = await db.transaction(async (trx) => {
      const count = await Address.query({ client: trx })
        .where('user_id', user.id)
        .count('* as total')
      const target = address ?? new Address()
      target.useTransaction(trx)
      target.merge({
        userId: user.id,
        label: input.label ?? null,
        recipient: input.recipient,
        phone: input.phone,
        country: input.country,
        postalCode: input.postalCode,
        region: input.region ?? null,
        city: input.city ?? null,
        line1: input.line1,
        line2: input.line2 ?? null,
        isDefault: Boolean(input.isDefault) || Number(count[0].$extras.total) === 0,
      })
      if (target.isDefault) {
        await Address.query({ client: trx })
          .where('user_id', user.id)
          .if(target.id, (query) => query.whereNot('id', target.id))
          .update({ is_default: false })
      }
      await target.save()
      await CustomerAddressSaved.record(
        trx,
        target,
        actorFor(user),
        changeBetween(before, snapshot(target, ADDRESS_FIELDS))
      )
      return target
    })
    return saved
  }

  async removeAddress(user: User, address: Address) {
    const before = snapshot(address, ADDRESS_FIELDS)
    await db.transaction(async (trx) => {
      await address.useTransaction(trx).delete()
      await CustomerAddressRemoved.record(trx, address, actorFor(user), changeBetween(before, {}))
    })
  }
}
