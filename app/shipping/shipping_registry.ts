import vine, { errors as vineErrors } from '@vinejs/vine'
import type { MessagesProviderContact } from '@vinejs/vine/types'
import type {
  DefaultSelection,
  PolicySelection,
  ShippingConfig,
  ShippingSelection,
} from '#shipping/define_config'
import {
  InvalidShippingConfigError,
  ShippingCurrencyMismatchError,
  ShippingScopeMismatchError,
  UnknownShippingPolicyError,
} from '#shipping/errors'
import { notDeliverable, quoteFrom } from '#shipping/quotes'
import type {
  Destination,
  OptionsSchema,
  Parcel,
  QuoteResult,
  ShippingPolicy,
  ShippingScope,
} from '#shipping/types'

const compile = (schema: OptionsSchema) => vine.create(schema)

/**
 * The shipping policies config/shipping.ts registers. Builds each policy on
 * first use and compiles its options schema once; quotes a seller's parcel by
 * combining their domestic, surcharge and international choices.
 */
export class ShippingRegistry {
  #policies = new Map<string, ShippingPolicy>()
  #validators = new Map<string, ReturnType<typeof compile>>()
  #defaults?: ShippingSelection

  constructor(readonly config: ShippingConfig) {}

  get homeCountry(): string {
    return this.config.homeCountry
  }

  /** Whether `code` is registered (e.g. before trusting a code from a form). */
  has(code: string): boolean {
    return Object.hasOwn(this.config.policies, code)
  }

  /** The policy registered as `code`, built once. */
  get(code: string): ShippingPolicy {
    const cached = this.#policies.get(code)
    if (cached) return cached
    if (!this.has(code)) throw new UnknownShippingPolicyError(code)
    const { homeCountry, currency } = this.config
    const policy = this.config.policies[code]({ homeCountry, currency })
    if (policy.code !== code) {
      throw new InvalidShippingConfigError(
        `policy "${policy.code}" is registered as "${code}"; use its code as the key`
      )
    }
    this.#policies.set(code, policy)
    return policy
  }

  /** The policies a seller may pick for one part of their shipping, in config order. */
  list(scope: ShippingScope): ShippingPolicy[] {
    return Object.keys(this.config.policies)
      .map((code) => this.get(code))
      .filter((policy) => policy.scopes.includes(scope))
  }

  /**
   * A seller's options for `code`, validated and normalised: the value to
   * store. Throws VineJS's ValidationError, so controllers render field errors.
   */
  async validateOptions(
    code: string,
    scope: ShippingScope,
    input: unknown,
    options: { messagesProvider?: MessagesProviderContact } = {}
  ): Promise<Record<string, unknown>> {
    const policy = this.#inScope(code, scope)
    let validator = this.#validators.get(code)
    if (!validator) {
      validator = compile(policy.schema)
      this.#validators.set(code, validator)
    }
    return (await validator.validate(input, options)) as Record<string, unknown>
  }

  /**
   * What a seller starts with: the defaults of config/shipping.ts, options
   * filled from the policy's own defaults where the config gives none, and
   * normalised once validateDefaults() has run (the provider runs it at boot).
   */
  get defaults(): ShippingSelection {
    if (this.#defaults) return this.#defaults
    const { domestic, surcharge, international } = this.config.defaults
    const fill = (selection: DefaultSelection) => ({
      code: selection.code,
      options: selection.options ?? this.get(selection.code).defaults,
    })
    return {
      domestic: fill(domestic),
      surcharge: surcharge && fill(surcharge),
      international: international && fill(international),
    }
  }

  /**
   * Validates the defaults against their policies' schemas, so a bad default
   * stops the shop from starting instead of failing a checkout.
   */
  async validateDefaults(): Promise<ShippingSelection> {
    const { domestic, surcharge, international } = this.defaults
    this.#defaults = {
      domestic: await this.#validateDefault('domestic', domestic),
      surcharge: surcharge && (await this.#validateDefault('surcharge', surcharge)),
      international: international && (await this.#validateDefault('international', international)),
    }
    return this.#defaults
  }

  /**
   * Prices one seller's parcel: at home, the domestic fee plus any surcharge
   * (either refusing refuses the whole); abroad, the international policy,
   * or `country_not_served` when the seller has none. Options are trusted:
   * they were validated when the seller saved them.
   */
  quoteSeller(selection: ShippingSelection, parcel: Parcel, destination: Destination): QuoteResult {
    const { currency, homeCountry } = this.config
    if (currency && parcel.currency !== currency) {
      throw new ShippingCurrencyMismatchError(parcel.currency, currency)
    }
    if (destination.country !== homeCountry) {
      if (!selection.international) {
        return notDeliverable(
          'country_not_served',
          `This seller does not ship to ${destination.country}`
        )
      }
      return this.#quote(selection.international, 'international', parcel, destination)
    }
    const base = this.#quote(selection.domestic, 'domestic', parcel, destination)
    if (!base.deliverable || !selection.surcharge) return base
    const extra = this.#quote(selection.surcharge, 'surcharge', parcel, destination)
    if (!extra.deliverable) return extra
    return quoteFrom(parcel.currency, [...base.breakdown, ...extra.breakdown])
  }

  #quote(
    selection: PolicySelection,
    scope: ShippingScope,
    parcel: Parcel,
    destination: Destination
  ): QuoteResult {
    return this.#inScope(selection.code, scope).quote(parcel, destination, selection.options)
  }

  #inScope(code: string, scope: ShippingScope): ShippingPolicy {
    const policy = this.get(code)
    if (!policy.scopes.includes(scope)) {
      throw new ShippingScopeMismatchError(code, scope, policy.scopes)
    }
    return policy
  }

  async #validateDefault(
    scope: ShippingScope,
    selection: PolicySelection
  ): Promise<PolicySelection> {
    try {
      const options = await this.validateOptions(selection.code, scope, selection.options)
      return { code: selection.code, options }
    } catch (error) {
      if (error instanceof vineErrors.E_VALIDATION_ERROR) {
        const fields = (error.messages as { field: string; message: string }[])
          .map((message) => `${message.field}: ${message.message}`)
          .join('; ')
        throw new InvalidShippingConfigError(
          `defaults.${scope} options for "${selection.code}" are invalid (${fields})`,
          { cause: error }
        )
      }
      if (error instanceof ShippingScopeMismatchError) {
        throw new InvalidShippingConfigError(`defaults.${scope}: ${error.message}`, {
          cause: error,
        })
      }
      throw error
    }
  }
}
