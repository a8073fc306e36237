import type { I18n } from '@adonisjs/i18n'
import { errors as vineErrors } from '@vinejs/vine'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'
import { fractionDigits, toMajorUnits, toMinorUnits } from '#services/money'
import { decimalNumber } from '#validators/rules/numbers'
import type { OptionField, ShippingPolicy, ShippingScope } from '#shipping/types'
import type { ScopePolicy, ShippingPolicyService } from '#services/shipping/shipping_policy_service'

type Leaf = Exclude<OptionField, { type: 'rows' }>
type Row = Record<string, unknown>

/** The columns of a `weight_bands` field, which the form shows as rows. */
export const WEIGHT_BAND_COLUMNS: readonly Leaf[] = [
  { name: 'upToGrams', type: 'grams', label: { ko: '무게 (이하, g)', en: 'Up to (g)' } },
  { name: 'amount', type: 'money', label: { ko: '배송비', en: 'Fee' } },
]

/** The bounds of each range of a `postal_ranges` field, as its errors name them. */
const POSTAL_RANGE_BOUNDS: readonly Leaf[] = [
  { name: 'from', type: 'text', label: { ko: '시작 우편번호', en: 'first postal code' } },
  { name: 'to', type: 'text', label: { ko: '끝 우편번호', en: 'last postal code' } },
]

/** The columns of a repeatable field (rows, weight bands), or null for a single input. */
export function columnsOf(field: OptionField): readonly Leaf[] | null {
  if (field.type === 'rows') return field.columns
  if (field.type === 'weight_bands') return WEIGHT_BAND_COLUMNS
  return null
}

/** A repeatable field as posted: qs gives an array, or an object keyed by index past 20 rows. */
function rowsOf(raw: unknown): Row[] {
  if (Array.isArray(raw)) return raw.map((row) => (row && typeof row === 'object' ? row : {}))
  if (raw && typeof raw === 'object') {
    return Object.keys(raw)
      .filter((key) => /^\d+$/.test(key))
      .sort((a, b) => Number(a) - Number(b))
      .map((key) => (raw as Record<string, Row>)[key] ?? {})
  }
  return []
}

function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true
  if (typeof value === 'string') return value.trim() === ''
  if (typeof value === 'object') return Object.values(value).every(isBlank)
  return false
}

const text = (raw: unknown) => (isBlank(raw) ? null : String(raw).trim())

/**
 * A number field as typed: its text, trimmed (blank is null). Anything that
 * is not text (a field posted twice, an object) stays as posted, for the
 * schema to refuse rather than String() to flatten.
 */
const numberText = (raw: unknown) =>
  typeof raw === 'string' || typeof raw === 'number' || isBlank(raw) ? text(raw) : raw

/**
 * A policy's options form, turned into the raw options its schema validates:
 * money typed in major units becomes minor units, countries a list, postal
 * ranges `{ from, to }` pairs, and rows left empty are dropped. Whatever
 * cannot be converted is passed on as typed, so the policy's schema reports
 * it. Remembers where kept rows were, so field errors point at the row the
 * seller typed.
 */
export class PolicyForm {
  readonly options: Record<string, unknown>
  #rowPositions = new Map<string, number[]>()
  /** The lines typed into each postal-ranges field, by its path. */
  #rangeLines = new Map<string, string[]>()

  constructor(
    policy: ShippingPolicy,
    input: unknown,
    readonly currency: string
  ) {
    this.options = this.#object(policy.fields, input, '')
  }

  /**
   * Runs the save, rewriting `options.<row>.<n>` field errors to the rows as
   * posted, and errors inside a postal-ranges text box to the box itself,
   * one per wrong line, so the seller sees which line to fix.
   */
  async reportingErrors<T>(save: () => Promise<T>, i18n: I18n): Promise<T> {
    try {
      return await save()
    } catch (error) {
      if (!(error instanceof vineErrors.E_VALIDATION_ERROR)) throw error
      const messages = error.messages as { field: string; rule: string; message: string }[]
      const rewritten = messages.map(
        (message) =>
          this.#rangeLineMessage(message, i18n) ?? {
            ...message,
            field: this.#postedField(message.field),
          }
      )
      // A wrong line fails both its `from` and its `to`: say it once.
      const unique = new Map(
        rewritten.map((message) => [`${message.field}:${message.message}`, message])
      )
      throw new vineErrors.E_VALIDATION_ERROR([...unique.values()])
    }
  }

  /** `options.extraRanges.3.from` → an error on `options.extraRanges` naming line 4. */
  #rangeLineMessage(message: { field: string; rule: string }, i18n: I18n) {
    const [, path, index] =
      /^(?:options\.)?(.+?)\.(\d+)(?:\.(?:from|to))?$/.exec(message.field) ?? []
    const lines = path === undefined ? undefined : this.#rangeLines.get(path)
    if (!lines) return null
    const line = Number(index)
    const key = message.rule === 'postalRange' ? 'postal_range_reversed' : 'postal_range_invalid'
    return {
      field: `options.${path}`,
      rule: message.rule,
      message: i18n.t(`seller_center.shipping.${key}`, { line: line + 1, text: lines[line] }),
    }
  }

  #object(fields: readonly OptionField[], input: unknown, path: string): Row {
    const source = input && typeof input === 'object' ? (input as Row) : {}
    return Object.fromEntries(
      fields.map((field) => [
        field.name,
        this.#value(field, source[field.name], path ? `${path}.${field.name}` : field.name),
      ])
    )
  }

  #value(field: OptionField, raw: unknown, path: string): unknown {
    const columns = columnsOf(field)
    if (columns) {
      const kept: Row[] = []
      const positions: number[] = []
      rowsOf(raw).forEach((row, index) => {
        if (isBlank(row)) return
        positions.push(index)
        kept.push(this.#object(columns, row, `${path}.${kept.length}`))
      })
      this.#rowPositions.set(path, positions)
      return kept
    }
    switch (field.type) {
      case 'money':
        return this.#minorUnits(raw)
      case 'integer':
      case 'grams': {
        const value = numberText(raw)
        return typeof value === 'string' && Number.isFinite(decimalNumber(value))
          ? decimalNumber(value)
          : value
      }
      case 'boolean':
        return ['on', '1', 'true', true].includes(raw as string)
      case 'countries':
        return (text(raw) ?? '').split(/[\s,;]+/).filter(Boolean)
      case 'postal_ranges': {
        const lines = (text(raw) ?? '')
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean)
        this.#rangeLines.set(path, lines)
        return lines.map((line) => {
          const range = /^(\S+?)\s*[-~–]\s*(\S+)$/.exec(line)
          return range ? { from: range[1], to: range[2] } : { from: line, to: line }
        })
      }
      default:
        return text(raw)
    }
  }

  #minorUnits(raw: unknown): unknown {
    const typed = numberText(raw)
    if (typeof typed !== 'string') return typed
    const value = typed.replaceAll(',', '')
    const amount = decimalNumber(value)
    if (!Number.isFinite(amount)) return value
    const minor = amount * 10 ** fractionDigits(this.currency)
    // Too many decimals stays fractional, so the schema's whole-number rule catches it.
    return Math.abs(minor - Math.round(minor)) < 1e-6 ? toMinorUnits(amount, this.currency) : minor
  }

  #postedField(field: string): string {
    const parts = field.split('.')
    const offset = parts[0] === 'options' ? 1 : 0
    return parts
      .map((part, index) => {
        const positions = this.#rowPositions.get(parts.slice(offset, index).join('.'))
        return positions && /^\d+$/.test(part) ? String(positions[Number(part)] ?? part) : part
      })
      .join('.')
  }
}

/** Stored options as the form shows them: money in major units, countries and ranges as text. */
export function formValues(
  fields: readonly OptionField[],
  options: Record<string, unknown>,
  currency: string
): Row {
  const value = (field: OptionField, stored: unknown): unknown => {
    const columns = columnsOf(field)
    if (columns) {
      return Array.isArray(stored) ? stored.map((row) => formValues(columns, row, currency)) : []
    }
    if (stored === null || stored === undefined) return field.type === 'boolean' ? false : ''
    if (field.type === 'money') return toMajorUnits(Number(stored), currency)
    if (field.type === 'countries') return Array.isArray(stored) ? stored.join(', ') : ''
    if (field.type === 'postal_ranges' && Array.isArray(stored)) {
      return (stored as { from: string; to: string }[])
        .map((range) => (range.from === range.to ? range.from : `${range.from}-${range.to}`))
        .join('\n')
    }
    return stored
  }
  return Object.fromEntries(fields.map((field) => [field.name, value(field, options[field.name])]))
}

/**
 * What the seller posted, shaped for the form again (rows as arrays, values
 * as typed). Rows keep their positions, so field errors still match them.
 */
export function postedValues(fields: readonly OptionField[], input: unknown): Row {
  const source = input && typeof input === 'object' ? (input as Row) : {}
  return Object.fromEntries(
    fields.map((field) => {
      const columns = columnsOf(field)
      const raw = source[field.name]
      if (columns) {
        // Trailing empty rows were the form's spares; the form adds its own again.
        const rows = rowsOf(raw)
        while (rows.length && isBlank(rows[rows.length - 1])) rows.pop()
        return [field.name, rows.map((row) => postedValues(columns, row))]
      }
      if (field.type === 'boolean') return [field.name, ['on', '1', 'true'].includes(String(raw))]
      return [field.name, raw ?? '']
    })
  )
}

/**
 * Validation messages that name fields by the labels the form shows
 * ("배송비는 0 이상이어야 합니다" rather than "amount…"), for fields the
 * shared validator translations do not know.
 */
export function labelledMessages(i18n: I18n, labels: Map<string, string>): MessagesProviderContact {
  const base = i18n.createMessagesProvider()
  return {
    getMessage(message: string, rule: string, field: FieldContext, meta?: Record<string, unknown>) {
      const name = labels.get(String(field.name)) ?? field.name
      return base.getMessage(message, rule, { ...field, name }, meta)
    },
  }
}

/** Messages for a policy's options, named by its field labels in the visitor's language. */
export function policyMessages(policy: ShippingPolicy, i18n: I18n): MessagesProviderContact {
  const locale = i18n.locale === 'en' ? 'en' : 'ko'
  const labels = new Map<string, string>()
  const collect = (fields: readonly OptionField[]) => {
    for (const field of fields) {
      if (!labels.has(field.name)) labels.set(field.name, field.label[locale])
      const columns = columnsOf(field)
      if (columns) collect(columns)
      if (field.type === 'postal_ranges') collect(POSTAL_RANGE_BOUNDS)
    }
  }
  collect(policy.fields)
  return labelledMessages(i18n, labels)
}

/** The picker's value for "this part of shipping is not offered". */
export const NOT_OFFERED = 'none'

/** One scope's part of the shipping page: what is in force, the picker, and the form. */
export interface PolicySection {
  scope: ShippingScope
  current: ScopePolicy
  /** The policy in force, when it is (still) registered for this scope. */
  currentPolicy: ShippingPolicy | null
  choices: ShippingPolicy[]
  /** Surcharge and international may be switched off; domestic may not. */
  optional: boolean
  /** The policy the form edits (null: not offered). */
  selected: ShippingPolicy | null
  values: Row
  /** Whether the values and errors come from this section's last failed save. */
  submitted: boolean
}

/**
 * Builds one section: the form shows what the seller just posted (after a
 * field error), else the policy picked with `?<scope>=<code>` at its
 * defaults, else the policy in force with its options.
 */
export function policySection(
  service: ShippingPolicyService,
  input: {
    scope: ShippingScope
    current: ScopePolicy
    currency: string
    pick?: string
    posted?: { code: string | null; options: unknown }
  }
): PolicySection {
  const { scope, current, pick, posted, currency } = input
  const optional = scope !== 'domestic'
  const currentPolicy = current.code ? service.allowed(scope, current.code) : null
  let wanted = current.code
  if (pick !== undefined) wanted = pick === NOT_OFFERED ? null : pick
  if (posted) wanted = posted.code
  let selected = wanted ? service.allowed(scope, wanted) : null
  if (wanted && !selected) selected = currentPolicy
  if (!optional && !selected) selected = currentPolicy ?? service.registry.list(scope)[0]

  let values: Row = {}
  if (selected && posted) values = postedValues(selected.fields, posted.options)
  else if (selected) {
    const stored = selected.code === current.code ? current.options : selected.defaults
    values = formValues(selected.fields, stored, currency)
  }
  return {
    scope,
    current,
    currentPolicy,
    choices: service.registry.list(scope),
    optional,
    selected,
    values,
    submitted: Boolean(posted),
  }
}
