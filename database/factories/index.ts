import { DateTime } from 'luxon'
import factory from '@adonisjs/lucid/factories'
import encryption from '@adonisjs/core/services/encryption'
import User from '#models/user'
import Seller from '#models/seller'
import SellerMember from '#models/seller_member'
import Category from '#models/category'
import Product from '#models/product'
import ProductVariant from '#models/product_variant'
import { UserRole, SellerMemberRole } from '#models/user_role'
import { SellerStatus } from '#lifecycles/seller_lifecycle'
import { ProductStatus } from '#lifecycles/product_lifecycle'
import { uniqueSlug } from '#services/slug'

/** The password every factory user has. */
export const FACTORY_PASSWORD = 'secret-password'

let sequence = 0
const next = () => ++sequence

/** A valid business registration number, different on every call. */
export function businessNumber(): string {
  const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5]
  const head = String(100_000_000 + ((next() * 7919) % 899_999_999)).slice(0, 9)
  const digits = [...head].map(Number)
  let sum = weights.reduce((total, weight, index) => total + digits[index] * weight, 0)
  sum += Math.floor((digits[8] * 5) / 10)
  return head + String((10 - (sum % 10)) % 10)
}

export const UserFactory = factory
  .define(User, () => ({
    email: `user${next()}@example.test`,
    password: FACTORY_PASSWORD,
    fullName: `Test User ${sequence}`,
    role: UserRole.Customer,
  }))
  .state('admin', (user) => (user.role = UserRole.Admin))
  .state('staff', (user) => (user.role = UserRole.Staff))
  // An admin's grant: meaningful on staff only.
  .state('movesMoney', (user) => (user.canMoveMoney = true))
  .build()

export const SellerFactory = factory
  .define(Seller, () => {
    const n = next()
    return {
      name: `Test Shop ${n}`,
      slug: uniqueSlug(`test-shop-${n}`),
      businessNumber: businessNumber(),
      representative: 'Kim Test',
      contactEmail: `shop${n}@example.test`,
      contactPhone: '010-0000-0000',
      bankName: 'Test Bank',
      bankAccountHolder: 'Kim Test',
      bankAccountNumber: encryption.encrypt('110-123-456789', { purpose: 'seller-bank-account' }),
      bankAccountLastDigits: '6789',
      status: SellerStatus.Approved,
    }
  })
  .state('pending', (seller) => (seller.status = SellerStatus.Pending))
  .state('rejected', (seller) => {
    seller.status = SellerStatus.Rejected
    seller.rejectionReason = 'Missing documents'
  })
  .build()

export const CategoryFactory = factory
  .define(Category, () => {
    const n = next()
    return { slug: `category-${n}`, name: `분류 ${n}`, nameEn: `Category ${n}`, position: n }
  })
  .build()

export const VariantFactory = factory
  .define(ProductVariant, () => ({
    sku: `SKU-${next()}`,
    price: 10_000,
    stock: 10,
    weightGrams: 500,
    options: {},
    position: 0,
  }))
  .build()

export const ProductFactory = factory
  .define(Product, () => {
    const n = next()
    return {
      slug: uniqueSlug(`product-${n}`),
      title: `테스트 상품 ${n}`,
      titleEn: `Test product ${n}`,
      description: '설명',
      status: ProductStatus.Draft,
      currency: 'KRW',
      minPrice: 10_000,
      searchText: `테스트 상품 ${n} test product ${n}`,
    }
  })
  .state('published', (product) => (product.status = ProductStatus.Published))
  .state('pendingReview', (product) => (product.status = ProductStatus.PendingReview))
  .build()

/** A user who owns an approved (or given-status) seller, ready for the seller center. */
export async function createSellerOwner(state?: 'pending' | 'rejected') {
  const owner = await UserFactory.create()
  const seller = state ? await SellerFactory.apply(state).create() : await SellerFactory.create()
  await SellerMember.create({ sellerId: seller.id, userId: owner.id, role: SellerMemberRole.Owner })
  return { owner, seller }
}

/**
 * A product of `seller` in `category` with variants at the given prices;
 * minPrice and the seller's id on variants are kept consistent.
 */
export async function createProduct(
  seller: Seller,
  category: Category,
  options: { status?: ProductStatus; prices?: number[]; title?: string; titleEn?: string } = {}
) {
  const prices = options.prices ?? [10_000]
  const product = await ProductFactory.merge({
    sellerId: seller.id,
    categoryId: category.id,
    status: options.status ?? ProductStatus.Draft,
    minPrice: Math.min(...prices),
    ...(options.title ? { title: options.title } : {}),
    ...(options.titleEn ? { titleEn: options.titleEn } : {}),
    publishedAt: options.status === ProductStatus.Published ? DateTime.now() : null,
  }).create()
  product.searchText = [product.title, product.titleEn ?? ''].join(' ').toLowerCase()
  await product.save()
  for (const [position, price] of prices.entries()) {
    const variantOptions: Record<string, string> =
      prices.length > 1 ? { 옵션: `${position + 1}` } : {}
    await VariantFactory.merge({
      productId: product.id,
      sellerId: seller.id,
      price,
      position,
      options: variantOptions,
    }).create()
  }
  await product.load('variants')
  return product
}
