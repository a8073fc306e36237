import { inject } from '@adonisjs/core'
import { Exception } from '@adonisjs/core/exceptions'
import db from '@adonisjs/lucid/services/db'
import { errors as vineErrors } from '@vinejs/vine'
import type { MessagesProviderContact } from '@vinejs/vine/types'
import ShippingPolicyVersion from '#models/shipping_policy_version'
import type Seller from '#models/seller'
import type { Actor } from '#audit/actor'
import { changeBetween } from '#audit/change'
import ShippingPolicyChanged from '#events/shipping_policy_changed'
import { ShippingRegistry } from '#shipping/shipping_registry'
import type { ShippingPolicy, ShippingScope } from '#shipping/types'
import { affectedRows } from '#services/orders/row_transition'
import { SHIPPING_SCOPES, policiesInForce } from '#services/shipping/policies_in_force'
import type { CurrentPolicies, ScopePolicy } from '#services/shipping/policies_in_force'
import { failValidation, isUniqueViolation } from '#services/validation'

export { SHIPPING_SCOPES } from '#services/shipping/policies_in_force'
export type { CurrentPolicies, ScopePolicy } from '#services/shipping/policies_in_force'

/**
 * Two saves of the same scope raced (or the form was opened before another
 * save): only the first becomes current; this one must reload.
 */
export class ShippingPolicyConflictException extends Exception {
  static status = 409
  static code = 'E_SHIPPING_POLICY_CONFLICT'

  constructor() {
    super('These shipping settings were changed meanwhile; reload the page and try again')
  }
}

/**
 * Sellers' shipping settings as versions: reading what is in force (store
 * defaults where a seller chose nothing) and saving a change as the next
 * version, audited with the before/after options.
 */
@inject()
export class ShippingPolicyService {
  constructor(readonly registry: ShippingRegistry) {}

  /** The policy `code` if sellers may pick it for `scope`, else null. */
  allowed(scope: ShippingScope, code: string): ShippingPolicy | null {
    return this.registry.list(scope).find((policy) => policy.code === code) ?? null
  }

  /** The seller's policies in force, per scope. */
  async current(seller: Seller): Promise<CurrentPolicies> {
    const policies = await policiesInForce(this.registry, [seller.id])
    return policies.get(seller.id)!
  }

  /** The latest versions per scope, newest first, with who saved them. */
  async history(
    seller: Seller,
    limit = 10
  ): Promise<Record<ShippingScope, ShippingPolicyVersion[]>> {
    const lists = await Promise.all(
      SHIPPING_SCOPES.map((scope) =>
        ShippingPolicyVersion.query()
          .where({ sellerId: seller.id, scope })
          .preload('createdBy')
          .orderBy('version', 'desc')
          .limit(limit)
      )
    )
    return Object.fromEntries(
      SHIPPING_SCOPES.map((scope, index) => [scope, lists[index]])
    ) as Record<ShippingScope, ShippingPolicyVersion[]>
  }

  /**
   * Saves the seller's choice for one scope as the next version and returns
   * it, or null when nothing changed. Field errors name `code` or
   * `options.<field>`. `expectedVersion` is the version the seller edited;
   * when another save got in first, a 409 asks them to reload.
   */
  async change(
    seller: Seller,
    scope: ShippingScope,
    code: string | null,
    rawOptions: unknown,
    actor: Actor,
    settings: { expectedVersion?: number; messagesProvider?: MessagesProviderContact } = {}
  ): Promise<ShippingPolicyVersion | null> {
    const options = await this.#validate(scope, code, rawOptions, settings.messagesProvider)
    const policies = await this.current(seller)
    const before = policies[scope]
    if (settings.expectedVersion !== undefined && settings.expectedVersion !== before.version) {
      throw new ShippingPolicyConflictException()
    }
    if (before.code === code && sameJson(before.options, options)) return null

    return this.#write(seller, before, code, options, actor)
  }

  async #validate(
    scope: ShippingScope,
    code: string | null,
    rawOptions: unknown,
    messagesProvider?: MessagesProviderContact
  ): Promise<Record<string, unknown>> {
    if (code === null) {
      if (scope === 'domestic') {
        failValidation('code', 'Domestic shipping is always offered; choose a policy', 'required')
      }
      return {}
    }
    if (!this.allowed(scope, code)) {
      failValidation('code', `Choose one of the ${scope} shipping policies`, 'enum')
    }
    try {
      return await this.registry.validateOptions(code, scope, rawOptions ?? {}, {
        messagesProvider,
      })
    } catch (error) {
      if (error instanceof vineErrors.E_VALIDATION_ERROR) {
        const messages = error.messages as { field: string }[]
        throw new vineErrors.E_VALIDATION_ERROR(
          messages.map((message) => ({ ...message, field: `options.${message.field}` }))
        )
      }
      throw error
    }
  }

  /**
   * Retires the current version with a conditional update and inserts the
   * next one, in one transaction with its audit record. A concurrent save makes either the update
   * miss or the insert hit a unique index; both end as a 409.
   */
  async #write(
    seller: Seller,
    before: ScopePolicy,
    code: string | null,
    options: Record<string, unknown>,
    actor: Actor
  ): Promise<ShippingPolicyVersion> {
    try {
      return await db.transaction(async (trx) => {
        if (before.versionId !== null) {
          const retired = await trx
            .from('shipping_policies')
            .where({ id: before.versionId, is_current: true })
            .update({ is_current: false })
          if (affectedRows(retired) !== 1) throw new ShippingPolicyConflictException()
        }
        const version = await ShippingPolicyVersion.create(
          {
            sellerId: seller.id,
            scope: before.scope,
            code,
            options,
            version: before.version + 1,
            isCurrent: true,
            createdById: actor.userId,
          },
          { client: trx }
        )
        await ShippingPolicyChanged.record(
          trx,
          version,
          actor,
          changeBetween(
            { code: before.code, options: before.options, version: before.version },
            { code: version.code, options: version.options, version: version.version }
          )
        )
        return version
      })
    } catch (error) {
      if (isUniqueViolation(error)) throw new ShippingPolicyConflictException()
      throw error
    }
  }
}

/** Deep equality of two JSON values, whatever the order of their keys. */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b))
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sorted((value as Record<string, unknown>)[key])])
    )
  }
  return value
}
