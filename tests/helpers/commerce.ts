import db from '@adonisjs/lucid/services/db'
import ProductVariant, { type VariantOptions } from '#models/product_variant'
import ShippingPolicyVersion from '#models/shipping_policy_version'
import type Seller from '#models/seller'
import type Category from '#models/category'
import { CategoryFactory, createProduct, createSellerOwner } from '#database/factories/index'
import { ProductStatus } from '#lifecycles/product_lifecycle'
import type { ShippingScope } from '#shipping/types'

/** A published product of a (new, approved) seller with one variant at `price` and `stock`. */
export async function createListing(
  options: {
    price?: number
    stock?: number
    weightGrams?: number
    seller?: Seller
    category?: Category
  } = {}
) {
  let seller = options.seller
  if (!seller) ({ seller } = await createSellerOwner())
  const category = options.category ?? (await CategoryFactory.create())
  const product = await createProduct(seller, category, {
    status: ProductStatus.Published,
    prices: [options.price ?? 10_000],
  })
  const variant = product.variants[0]
  variant.stock = options.stock ?? 10
  variant.weightGrams = options.weightGrams ?? 500
  await variant.save()
  return { seller, product, variant }
}

/**
 * A published product of a new seller with one variant per entry, in that
 * order (e.g. "S / 화이트", "L / 블루"), each with its own price and stock.
 */
export async function createVariantListing(
  variants: { options: VariantOptions; price: number; stock: number }[]
) {
  const { seller } = await createSellerOwner()
  const product = await createProduct(seller, await CategoryFactory.create(), {
    status: ProductStatus.Published,
    prices: variants.map((variant) => variant.price),
  })
  for (const [index, variant] of product.variants.entries()) {
    await variant.merge({ options: variants[index].options, stock: variants[index].stock }).save()
  }
  return { seller, product, variants: product.variants }
}

/** Gives a seller a current shipping policy version for one scope (null code: not offered). */
export async function setPolicy(
  seller: Seller,
  scope: ShippingScope,
  code: string | null,
  options: Record<string, unknown> = {}
) {
  await ShippingPolicyVersion.query()
    .where({ sellerId: seller.id, scope, isCurrent: true })
    .update({ isCurrent: false })
  const last = await db
    .from('shipping_policies')
    .where({ seller_id: seller.id, scope })
    .max('version as version')
    .first()
  return ShippingPolicyVersion.create({
    sellerId: seller.id,
    scope,
    code,
    options,
    version: Number(last?.version ?? 0) + 1,
    isCurrent: true,
  })
}

/** A valid Korean shipping address (Seoul, or Jeju with `postalCode: '63100'`). */
export function koreanAddress(postalCode = '06236') {
  return {
    name: '홍길동',
    phone: '010-1234-5678',
    country: 'KR',
    postalCode,
    line1: postalCode.startsWith('63')
      ? '제주특별자치도 제주시 첨단로 242'
      : '서울특별시 강남구 테헤란로 152',
    line2: '101동 1001호',
  }
}

/** The stock of a variant as stored now. */
export async function stockOf(variantId: number) {
  const variant = await ProductVariant.findOrFail(variantId)
  return variant.stock
}
