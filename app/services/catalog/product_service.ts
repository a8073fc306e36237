import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Product from '#models/product'
import ProductVariant, { type VariantOptions } from '#models/product_variant'
import type Seller from '#models/seller'
import storeConfig from '#config/store'
import type { Actor } from '#audit/actor'
import { changeBetween, snapshot } from '#audit/change'
import { uniqueSlug } from '#services/slug'
import { uniquely } from '#services/validation'
import { assertVariantRules } from '#services/catalog/variant_rules'
import { CONTENT_FIELDS, productSnapshot } from '#services/catalog/product_snapshot'
import { recordPublication } from '#services/catalog/publications'
import { DateTime } from 'luxon'
import { InvalidTransitionException } from '#lifecycles/state_machine'
import {
  EDITABLE_PRODUCT_STATUSES,
  ProductStatus,
  productLifecycle,
} from '#lifecycles/product_lifecycle'
import ProductCreated from '#events/product_created'
import ProductUpdated from '#events/product_updated'
import ProductSubmitted from '#events/product_submitted'
import ProductPublished from '#events/product_published'
import ProductRejected from '#events/product_rejected'
import ProductArchived from '#events/product_archived'
import ProductRestored from '#events/product_restored'

export interface VariantInput {
  id?: number
  sku: string
  price: number
  compareAtPrice?: number
  stock: number
  weightGrams?: number
  options?: VariantOptions
}

export interface ProductInput {
  title: string
  titleEn?: string
  description?: string
  descriptionEn?: string
  categoryId: number
  variants: VariantInput[]
}

/**
 * Creates and edits a seller's products and moves them through review.
 * Every change runs in one transaction together with its audit record; prices are integer minor units of the store currency.
 */
export default class ProductService {
  async create(seller: Seller, input: ProductInput, actor: Actor): Promise<Product> {
    await assertVariantRules(seller, input.variants, null)
    const product = await this.#guardSkus(() =>
      db.transaction(async (trx) => {
        const created = await Product.create(
          {
            sellerId: seller.id,
            categoryId: input.categoryId,
            slug: uniqueSlug(input.titleEn || input.title),
            title: input.title,
            titleEn: input.titleEn ?? null,
            description: input.description ?? null,
            descriptionEn: input.descriptionEn ?? null,
            status: ProductStatus.Draft,
            currency: storeConfig.currency,
          },
          { client: trx }
        )
        await this.#saveVariants(created, input.variants, [], trx)
        await created.load('variants')
        await ProductCreated.record(
          trx,
          created,
          actor,
          changeBetween({}, productSnapshot(created, created.variants))
        )
        return created
      })
    )
    return product
  }

  /**
   * Applies the given fields. Variants listed with an id are updated, without
   * one are added, and existing variants left out are removed. Changing the
   * text or category of a published product sends it back to review.
   */
  async update(product: Product, input: Partial<ProductInput>, actor: Actor): Promise<Product> {
    const seller = await product.related('seller').query().firstOrFail()
    if (input.variants) await assertVariantRules(seller, input.variants, product)

    await this.#guardSkus(() =>
      db.transaction(async (trx) => {
        const fresh = await this.#lock(product.id, trx)
        if (!EDITABLE_PRODUCT_STATUSES.includes(fresh.status)) {
          throw new InvalidTransitionException(
            `Cannot edit a product that is ${fresh.status.replaceAll('_', ' ')}`
          )
        }
        const variants = await fresh.related('variants').query().useTransaction(trx)
        const before = productSnapshot(fresh, variants)

        fresh.merge(
          Object.fromEntries(
            CONTENT_FIELDS.filter((field) => input[field] !== undefined).map((field) => [
              field,
              input[field],
            ])
          )
        )
        const contentChanged = CONTENT_FIELDS.some((field) => fresh.$dirty[field] !== undefined)
        const mustReview = contentChanged && fresh.status === ProductStatus.Published
        if (mustReview) {
          fresh.status = productLifecycle.next(fresh.status, 'resubmit')
          fresh.submittedAt = DateTime.now()
        }
        await fresh.save()
        if (input.variants) await this.#saveVariants(fresh, input.variants, variants, trx)
        else await this.#refreshDerived(fresh, variants, trx)

        await fresh.load('variants')
        const change = changeBetween(before, productSnapshot(fresh, fresh.variants))
        if (mustReview) change.after.status = fresh.status
        await ProductUpdated.record(trx, fresh, actor, change)
      })
    )

    await product.refresh()
    await product.load('variants')
    return product
  }

  /** A seller's own products in any status, most recently changed first. */
  async listForSeller(
    seller: Seller,
    filters: { status?: ProductStatus; page?: number; perPage?: number }
  ) {
    return seller
      .related('products')
      .query()
      .if(filters.status, (query) => query.where('status', filters.status!))
      .preload('variants')
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .paginate(filters.page ?? 1, filters.perPage ?? 20)
  }

  /** Sends a draft or rejected product to review. */
  async submit(product: Product, actor: Actor) {
    return this.#transition(product, 'submit', actor, ProductSubmitted, (fresh) => {
      fresh.rejectionReason = null
      fresh.submittedAt = DateTime.now()
    })
  }

  /**
   * Publishes a product in review; it appears on the storefront at once. What
   * was published is kept, for the next review to compare against.
   */
  async publish(product: Product, actor: Actor) {
    return this.#transition(product, 'publish', actor, ProductPublished, async (fresh, trx) => {
      fresh.publishedAt = DateTime.now()
      await recordPublication(fresh, trx, actor)
    })
  }

  /** Rejects a product in review; the seller sees the reason and may resubmit. */
  async reject(product: Product, reason: string, actor: Actor) {
    return this.#transition(product, 'reject', actor, ProductRejected, (fresh) => {
      fresh.rejectionReason = reason
    })
  }

  /** Takes a product off sale (or shelves a draft). */
  async archive(product: Product, actor: Actor) {
    return this.#transition(product, 'archive', actor, ProductArchived)
  }

  /** Brings an archived product back as a draft. */
  async restore(product: Product, actor: Actor) {
    return this.#transition(product, 'restore', actor, ProductRestored)
  }

  /**
   * Moves a product through its lifecycle under a row lock, so two operators
   * acting at once cannot both succeed (the second gets a 409).
   */
  async #transition(
    product: Product,
    action: 'submit' | 'publish' | 'reject' | 'archive' | 'restore',
    actor: Actor,
    Event: typeof ProductSubmitted,
    apply?: (fresh: Product, trx: TransactionClientContract) => void | Promise<void>
  ) {
    const fields = ['status', 'rejectionReason'] as const
    await db.transaction(async (trx) => {
      const fresh = await this.#lock(product.id, trx)
      const before = snapshot(fresh, fields)
      fresh.status = productLifecycle.next(fresh.status, action)
      await apply?.(fresh, trx)
      await fresh.save()
      await Event.record(trx, fresh, actor, changeBetween(before, snapshot(fresh, fields)))
    })
    await product.refresh()
    return product
  }

  /** A SKU taken by a concurrent request surfaces as the same 422 as a taken SKU. */
  #guardSkus<T>(write: () => Promise<T>) {
    return uniquely(
      write,
      'variants',
      'A SKU is already used by another of your products',
      'skuTaken'
    )
  }

  #lock(id: number, trx: TransactionClientContract) {
    return Product.query({ client: trx }).where('id', id).forUpdate().firstOrFail()
  }

  async #saveVariants(
    product: Product,
    inputs: VariantInput[],
    existing: ProductVariant[],
    trx: TransactionClientContract
  ) {
    const keep = new Set(inputs.filter((input) => input.id).map((input) => input.id))
    const removed = existing.filter((variant) => !keep.has(variant.id))
    if (removed.length) {
      await ProductVariant.query({ client: trx })
        .whereIn(
          'id',
          removed.map((variant) => variant.id)
        )
        .delete()
    }

    // Kept variants whose SKU changes first move to a placeholder SKU, so two
    // variants can swap SKUs without tripping the (seller, sku) unique index.
    const renamed = existing.filter((variant) =>
      inputs.some((input) => input.id === variant.id && input.sku !== variant.sku)
    )
    for (const variant of renamed) {
      await ProductVariant.query({ client: trx })
        .where('id', variant.id)
        .update({ sku: `~${variant.id}` })
    }

    const saved: ProductVariant[] = []
    for (const [position, input] of inputs.entries()) {
      const variant =
        existing.find((candidate) => candidate.id === input.id) ?? new ProductVariant()
      variant.useTransaction(trx)
      variant.merge({
        productId: product.id,
        sellerId: product.sellerId,
        sku: input.sku,
        price: input.price,
        compareAtPrice: input.compareAtPrice ?? null,
        stock: input.stock,
        weightGrams: input.weightGrams ?? null,
        options: input.options ?? {},
        position,
      })
      await variant.save()
      saved.push(variant)
    }
    await this.#refreshDerived(product, saved, trx)
  }

  /** Keeps the columns the storefront filters on in step with the variants. */
  async #refreshDerived(
    product: Product,
    variants: ProductVariant[],
    trx: TransactionClientContract
  ) {
    product.useTransaction(trx)
    product.minPrice = Math.min(...variants.map((variant) => variant.price))
    product.searchText = [product.title, product.titleEn ?? ''].join(' ').toLowerCase()
    await product.save()
  }
}
