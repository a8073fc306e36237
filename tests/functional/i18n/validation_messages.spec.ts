import { readdir, readFile } from 'node:fs/promises'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import i18nManager from '@adonisjs/i18n/services/main'
import vine, { VineValidator } from '@vinejs/vine'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'
import { ShippingRegistry } from '#shipping/shipping_registry'
import { columnsOf, policyMessages } from '#services/shipping/policy_form'
import type { OptionField, ShippingScope } from '#shipping/types'
import { PARTICLE_PAIRS } from '#formatting/korean_particles'
import { hostileInputs, mutationsOf } from '#tests/helpers/hostile_inputs'

/** Lists the built-in policies' defaults leave empty, filled so that each row can be broken. */
const VALID_EXTRAS: Record<string, Record<string, unknown>> = {
  remote_area: { extraRanges: [{ from: '63000', to: '63100' }] },
  international_zones: { excludedCountries: ['CA'] },
}

/** Every validator exported by app/validators, by file and export name. */
async function appValidators() {
  const folder = app.makePath('app/validators')
  const found: { name: string; validator: VineValidator<any, any> }[] = []
  const files = await readdir(folder)
  for (const file of files.filter((entry) => entry.endsWith('.ts'))) {
    const exports = await import(`#validators/${file.replace(/\.ts$/, '')}`)
    for (const [name, value] of Object.entries(exports)) {
      if (value instanceof VineValidator) found.push({ name: `${file}:${name}`, validator: value })
    }
  }
  return found
}

/**
 * A Korean messages provider that notes, for every message it renders,
 * whatever a visitor would see untranslated: a rule with no message in
 * either language (VineJS's English default), a field with no label, a
 * particle fallback left in the text.
 */
function inspectingProvider(
  base: MessagesProviderContact,
  problems: Set<string>,
  where: string,
  labels: Map<string, string> = new Map()
): MessagesProviderContact {
  const inBoth = (key: string) =>
    ['ko', 'en'].every((locale) => i18nManager.locale(locale).hasMessage(key))
  return {
    getMessage(message: string, rule: string, field: FieldContext, meta?: Record<string, any>) {
      const text = base.getMessage(message, rule, field, meta)
      const ruleKeys = [
        `validator.shared.messages.${field.wildCardPath}.${rule}`,
        `validator.shared.messages.${rule}`,
      ]
      if (!ruleKeys.some(inBoth)) problems.add(`${where}: no ko/en message for rule "${rule}"`)
      // A list element is named by its index, a record's value by its key (the seller's option name).
      const named = !field.wildCardPath.endsWith('*')
      const name = String(field.name)
      if (named && !labels.has(name) && !inBoth(`validator.shared.fields.${name}`)) {
        problems.add(`${where}: no ko/en label for field "${name}"`)
      }
      for (const pair of PARTICLE_PAIRS) {
        if (text.includes(pair)) problems.add(`${where}: "${text}" keeps ${pair}`)
      }
      if (/translation missing|\{\{|\{field\}/.test(text)) problems.add(`${where}: "${text}"`)
      return text
    },
  }
}

/** Runs `validate` on every input, counting refusals; anything but a validation error fails. */
async function exercise(
  validate: (input: unknown, messagesProvider: MessagesProviderContact) => Promise<unknown>,
  inputs: unknown[],
  provider: () => MessagesProviderContact
) {
  let refusals = 0
  for (const input of inputs) {
    try {
      await validate(input, provider())
    } catch (error) {
      if (!(error instanceof Error) || (error as any).code !== 'E_VALIDATION_ERROR') throw error
      refusals++
    }
  }
  return refusals
}

test.group('Korean | every validation message of every validator', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('app/validators: each refusal is translated, labelled and without particle fallbacks', async ({
    assert,
  }) => {
    await i18nManager.loadTranslations()
    const ko = i18nManager.locale('ko')
    const validators = await appValidators()
    assert.isAbove(validators.length, 30)

    const problems = new Set<string>()
    for (const { name, validator } of validators) {
      const refusals = await exercise(
        (input, messagesProvider) => validator.validate(input, { messagesProvider } as any),
        hostileInputs(validator.toJSON()),
        () => inspectingProvider(ko.createMessagesProvider(), problems, name)
      )
      assert.isAbove(refusals, 0, `${name} refused no input`)
    }
    assert.deepEqual([...problems], [])
  })

  test('shipping policy options: each refusal is translated and named by the form label', async ({
    assert,
  }) => {
    await i18nManager.loadTranslations()
    const ko = i18nManager.locale('ko')
    const shipping = await app.container.make(ShippingRegistry)
    const policies = new Set(
      (['domestic', 'surcharge', 'international'] as const).flatMap((scope) => shipping.list(scope))
    )

    const problems = new Set<string>()
    for (const policy of policies) {
      const validator = vine.create(policy.schema)
      const labels = new Map<string, string>()
      const collect = (fields: readonly OptionField[]) =>
        fields.forEach((field) => {
          labels.set(field.name, field.label.ko)
          collect(columnsOf(field) ?? [])
        })
      collect(policy.fields)
      const valid = { ...policy.defaults, ...VALID_EXTRAS[policy.code] }
      await exercise(
        (input, messagesProvider) => validator.validate(input, { messagesProvider }),
        [...hostileInputs(validator.toJSON()), ...mutationsOf(valid)],
        () => inspectingProvider(policyMessages(policy, ko), problems, policy.code, labels)
      )
    }
    assert.deepEqual([...problems], [])
  })

  test('names the bounds of a postal range and the zone overlap in Korean', async ({ assert }) => {
    await i18nManager.loadTranslations()
    const ko = i18nManager.locale('ko')
    const shipping = await app.container.make(ShippingRegistry)
    const messages = async (code: string, scope: ShippingScope, options: unknown) => {
      const policy = shipping.get(code)
      try {
        await shipping.validateOptions(code, scope, options, {
          messagesProvider: policyMessages(policy, ko),
        })
      } catch (error) {
        return (error as { messages: { message: string }[] }).messages.map(({ message }) => message)
      }
      return []
    }

    const ranges = await messages('remote_area', 'surcharge', {
      jejuAmount: 3000,
      islandAmount: 5000,
      extraRanges: [{ from: '6300', to: '63100' }],
    })
    assert.deepEqual(ranges, ['시작 우편번호 형식이 올바르지 않습니다'])
    const zones = await messages('international_zones', 'international', {
      zones: [
        { name: '아시아', countries: ['JP', 'CN'], bands: [{ upToGrams: 1000, amount: 10_000 }] },
        { name: '북미', countries: ['US', 'JP'], bands: [{ upToGrams: 1000, amount: 20_000 }] },
      ],
      excludedCountries: [],
    })
    assert.deepEqual(zones, ['한 국가는 배송 지역 하나에만 넣을 수 있습니다'])
  })

  test('every validator lives in app/validators, where the tests above find it', async ({
    assert,
  }) => {
    const elsewhere: string[] = []
    const walk = async (folder: string): Promise<void> => {
      for (const entry of await readdir(app.makePath(folder), { withFileTypes: true })) {
        const path = `${folder}/${entry.name}`
        if (entry.isDirectory()) await walk(path)
        else if (entry.name.endsWith('.ts') && !path.startsWith('app/validators/')) {
          const source = await readFile(app.makePath(path), 'utf8')
          // The shipping registry compiles the policies' option schemas, checked above.
          if (
            /vine\.(create|compile)\(/.test(source) &&
            path !== 'app/shipping/shipping_registry.ts'
          )
            elsewhere.push(path)
        }
      }
    }
    await walk('app')
    await walk('start')
    assert.deepEqual(elsewhere, [])
  })
})
