import { CONTENT_FIELDS } from '#services/catalog/product_snapshot'
import type {
  PublishedMedia,
  PublishedVariant,
  PublishedVersion,
} from '#services/catalog/published_version'

export type ContentField = (typeof CONTENT_FIELDS)[number]

/** What a reviewer compares on a variant. */
export const VARIANT_ATTRIBUTES = [
  'sku',
  'price',
  'compareAtPrice',
  'stock',
  'weightGrams',
  'options',
] as const

export type VariantAttribute = (typeof VARIANT_ATTRIBUTES)[number]

export interface Change<Key extends string> {
  field: Key
  before: unknown
  after: unknown
}

export interface VariantChange {
  /** The variant as it is now. */
  variant: PublishedVariant
  changes: Change<VariantAttribute>[]
}

/** Everything that differs between the published version and the product now. */
export interface ReviewChanges {
  fields: Change<ContentField>[]
  variants: { added: PublishedVariant[]; removed: PublishedVariant[]; changed: VariantChange[] }
  media: {
    added: PublishedMedia[]
    removed: PublishedMedia[]
    /** Whether the items in both galleries come in another order; then both orders are shown. */
    reordered: boolean
    before: PublishedMedia[]
    after: PublishedMedia[]
  }
  none: boolean
}

/** Option maps compare by content, whatever order their keys were written in. */
function same(before: unknown, after: unknown) {
  const normal = (value: unknown) =>
    value && typeof value === 'object'
      ? JSON.stringify(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : JSON.stringify(value ?? null)
  return normal(before) === normal(after)
}

function changesOf<Key extends string>(keys: readonly Key[], before: object, after: object) {
  const read = (source: object, key: Key) => (source as Record<Key, unknown>)[key] ?? null
  return keys
    .filter((key) => !same(read(before, key), read(after, key)))
    .map((key) => ({ field: key, before: read(before, key), after: read(after, key) }))
}

/**
 * Pairs published variants with current ones: by id (an edited row keeps
 * it), then by SKU for a row the seller deleted and typed again.
 */
function pairVariants(published: PublishedVariant[], current: PublishedVariant[]) {
  const pairs = new Map<PublishedVariant, PublishedVariant>()
  const taken = new Set<PublishedVariant>()
  for (const match of [
    (a: PublishedVariant, b: PublishedVariant) => a.id === b.id,
    (a: PublishedVariant, b: PublishedVariant) => a.sku === b.sku,
  ]) {
    for (const before of published) {
      if (pairs.has(before)) continue
      const after = current.find((candidate) => !taken.has(candidate) && match(before, candidate))
      if (after) {
        pairs.set(before, after)
        taken.add(after)
      }
    }
  }
  return { pairs, added: current.filter((variant) => !taken.has(variant)) }
}

function variantChanges(published: PublishedVariant[], current: PublishedVariant[]) {
  const { pairs, added } = pairVariants(published, current)
  const changed = [...pairs]
    .map(([before, after]) => ({
      variant: after,
      changes: changesOf(VARIANT_ATTRIBUTES, before, after),
    }))
    .filter((change) => change.changes.length)
  return { added, removed: published.filter((variant) => !pairs.has(variant)), changed }
}

/**
 * Items added and removed, and whether the items in both galleries changed
 * their order among themselves (an item added in front moves nothing).
 */
function mediaChanges(published: PublishedMedia[], current: PublishedMedia[]) {
  const publishedIds = new Set(published.map((media) => media.id))
  const currentIds = new Set(current.map((media) => media.id))
  const keptBefore = published.filter((media) => currentIds.has(media.id)).map((media) => media.id)
  const keptNow = current.filter((media) => publishedIds.has(media.id)).map((media) => media.id)
  return {
    added: current.filter((media) => !publishedIds.has(media.id)),
    removed: published.filter((media) => !currentIds.has(media.id)),
    reordered: keptBefore.join() !== keptNow.join(),
    before: published,
    after: current,
  }
}

/** Compares a product now with its published version, for the review page. */
export function reviewChanges(
  published: PublishedVersion,
  current: PublishedVersion
): ReviewChanges {
  const fields = changesOf(CONTENT_FIELDS, published, current)
  const variants = variantChanges(published.variants, current.variants)
  const media = mediaChanges(published.media, current.media)
  const none =
    !fields.length &&
    !variants.added.length &&
    !variants.removed.length &&
    !variants.changed.length &&
    !media.added.length &&
    !media.removed.length &&
    !media.reordered
  return { fields, variants, media, none }
}
