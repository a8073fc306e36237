/**
 * Inputs that make a VineJS validator refuse in as many ways as it can, to
 * render every validation message it can give. `hostileInputs` derives them
 * from the compiled schema (`validator.toJSON()`): every field missing, null,
 * of the wrong type, empty, blank, too short, too long, negative,
 * fractional, huge, malformed, an unknown country or the last postal code,
 * dates in descending
 * order; every list empty, with one bad element, with two equal ones, or
 * far too long. `mutationsOf` starts from a valid input instead and breaks
 * one value at a time, so rules that run only on otherwise valid data
 * (ranges, zones, tiers) are reached too.
 */

interface SchemaNode {
  type: string
  subtype?: string
  fieldName?: string
  properties?: SchemaNode[]
  groups?: { conditions: { schema: SchemaNode }[] }[]
  each?: SchemaNode
  schema?: SchemaNode
  conditions?: { schema: SchemaNode }[]
}

const BAD_VALUES: Record<string, unknown> = {
  missing: undefined,
  null: null,
  object: { nested: true },
  empty: '',
  blank: '   ',
  short: 'a',
  long: '가'.repeat(20_000),
  negative: -1,
  fraction: 1.5,
  // Above every max() rule yet below 2³¹: out-of-range integers are the bounds suite's concern.
  huge: 2_000_000_000,
  zero: 0,
  positive: 1000,
  symbols: '!@#$%^&*',
  malformed: '2026-13-45',
  code: 'ZZ',
  postal: '99999',
}

type Kind = keyof typeof BAD_VALUES | 'descending'

interface Build {
  kind: Kind
  /** Elements per list: 1 shows an element's errors, 2 equal ones trip `distinct`. */
  copies: number
  /** The next date handed out by `descending`, a day earlier each time. */
  nextDate: number
}

/** One input per kind of wrong value and list shape, for a compiled validator. */
export function hostileInputs(compiled: { schema: SchemaNode }): unknown[] {
  const kinds: Kind[] = [...(Object.keys(BAD_VALUES) as Kind[]), 'descending']
  const inputs = [1, 2].flatMap((copies) =>
    kinds.map((kind) => build(compiled.schema, { kind, copies, nextDate: Date.UTC(2026, 1, 28) }))
  )
  inputs.push(build(compiled.schema, { kind: 'short', copies: 1000, nextDate: 0 }))
  return inputs.map((input) => input ?? {})
}

function build(node: SchemaNode, context: Build): unknown {
  const { kind } = context
  switch (node.type) {
    case 'root':
      return build(node.schema!, context)
    case 'object':
    case 'sub_object': {
      if (['missing', 'null', 'empty'].includes(kind) && node.fieldName) return leaf(node, context)
      const properties = [
        ...(node.properties ?? []),
        ...(node.groups ?? []).flatMap((group) =>
          group.conditions.flatMap((condition) => condition.schema.properties ?? [])
        ),
      ]
      return Object.fromEntries(
        properties.map((property) => [property.fieldName!, build(property, context)])
      )
    }
    case 'array':
    case 'tuple': {
      if (['missing', 'null', 'object'].includes(kind)) return leaf(node, context)
      if (kind === 'empty') return []
      const child = node.each ?? node.properties?.[0]
      return Array.from({ length: context.copies }, () => (child ? build(child, context) : 'a'))
    }
    case 'record':
      if (['missing', 'null', 'empty'].includes(kind)) return leaf(node, context)
      return { key: node.each ? build(node.each, context) : 'a' }
    case 'union':
      return node.conditions?.length ? build(node.conditions[0].schema, context) : 'a'
    default:
      return leaf(node, context)
  }
}

function leaf(node: SchemaNode, context: Build): unknown {
  if (context.kind !== 'descending') return BAD_VALUES[context.kind]
  // Each date field gets an earlier day than the one before it: a range that ends before it starts.
  context.nextDate -= 86_400_000
  return node.subtype === 'date' ? new Date(context.nextDate).toISOString().slice(0, 10) : 'a'
}

/**
 * Copies of a valid input with one value broken each: every leaf replaced by
 * each bad value, and every element of a list of objects given the values
 * of the first element (two zones listing the same country, two bands of
 * the same weight).
 */
export function mutationsOf(valid: unknown): unknown[] {
  const results: unknown[] = []
  const visit = (value: unknown, replace: (next: unknown) => unknown) => {
    if (Array.isArray(value)) {
      value.forEach((element, index) =>
        visit(element, (next) => replace(value.map((old, at) => (at === index ? next : old))))
      )
      if (value.length > 1 && value.every((element) => element && typeof element === 'object')) {
        for (const key of Object.keys(value[0])) {
          results.push(replace(value.map((element) => ({ ...element, [key]: value[0][key] }))))
          const inner = value[0][key]
          if (Array.isArray(inner) && inner.length) {
            results.push(
              replace(
                value.map((element, at) =>
                  at === 1 ? { ...element, [key]: [...element[key], inner[0]] } : element
                )
              )
            )
          }
        }
      }
      return
    }
    if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        visit(inner, (next) => replace({ ...value, [key]: next }))
      }
      return
    }
    for (const bad of Object.values(BAD_VALUES)) results.push(replace(bad))
  }
  visit(valid, (next) => next)
  return results
}
