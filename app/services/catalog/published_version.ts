import type Product from '#models/product'
import type { VariantOptions } from '#models/product_variant'
import type { MediaKind } from '#media/types'
import { CONTENT_FIELDS } from '#services/catalog/product_snapshot'

export type PublishedContent = Pick<Product, (typeof CONTENT_FIELDS)[number]>

export interface PublishedVariant {
  id: number
  sku: string
  price: number
  compareAtPrice: number | null
  stock: number
  weightGrams: number | null
  options: VariantOptions
}

export interface PublishedMedia {
  id: number
  kind: MediaKind
  originalName: string
  contentHash: string
}

/**
 * A product as a reviewer sees it: text, category, variants and gallery (in
 * gallery order). Kept at publication, and built from the live product for
 * the comparison when it comes back to review.
 */
export interface PublishedVersion extends PublishedContent {
  variants: PublishedVariant[]
  media: PublishedMedia[]
}

/** The version of a product given its content, variants and media in their order. */
export function publishedVersionOf(
  content: PublishedContent,
  variants: PublishedVariant[],
  media: PublishedMedia[]
): PublishedVersion {
  const version = {} as PublishedVersion
  for (const field of CONTENT_FIELDS) Object.assign(version, { [field]: content[field] })
  version.variants = variants.map((variant) => ({
    id: variant.id,
    sku: variant.sku,
    price: variant.price,
    compareAtPrice: variant.compareAtPrice ?? null,
    stock: variant.stock,
    weightGrams: variant.weightGrams ?? null,
    options: variant.options ?? {},
  }))
  version.media = media.map((item) => ({
    id: item.id,
    kind: item.kind,
    originalName: item.originalName,
    contentHash: item.contentHash,
  }))
  return version
}
