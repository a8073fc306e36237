import type { ApiClient } from '@japa/api-client'
import type User from '#models/user'
import { ProductStatus } from '#lifecycles/product_lifecycle'
import {
  CategoryFactory,
  FACTORY_PASSWORD,
  SellerFactory,
  UserFactory,
  createProduct,
  createSellerOwner,
} from '#database/factories/index'
import { productBody } from './helpers.js'
import Media from '#models/media'
import { attachProcessedMedia, photoWithGps, smallPng } from '#tests/helpers/media_fixtures'
import { commerceFailingCalls, commerceValidCalls } from './openapi_commerce_scenarios.js'

/** How to call one operation: path parameters, query, JSON body and who signs in. */
export interface Call {
  params?: Record<string, string | number>
  query?: Record<string, string | number>
  body?: object
  /** Signs in through the api guard with a token issued for the test. */
  as?: User
  /** A bearer token, e.g. one issued by POST /auth/login. */
  token?: string
  /** A file sent as the multipart field `file`. */
  file?: string
  /** Extra request headers, e.g. X-Order-Key. */
  headers?: Record<string, string>
}

/** Arranges the records an operation needs and says how to call it. */
export type Arrange = (client: ApiClient) => Promise<Call>

/** An approved seller's owner with one product in `status`. */
async function sellerProduct(status: ProductStatus = ProductStatus.Draft) {
  const category = await CategoryFactory.create()
  const { owner, seller } = await createSellerOwner()
  const product = await createProduct(seller, category, { status, prices: [10_000, 12_000] })
  return { owner, seller, category, product }
}

/** A seller's product with one processed photo, and the seller's owner. */
async function sellerMedia(options: { failed?: boolean } = {}) {
  const { owner, product } = await sellerProduct()
  const png = await smallPng(`contract-${product.id}.png`, 120 + product.id, 90)
  const media = await attachProcessedMedia(product, png.path)
  if (options.failed) await Media.query().where('id', media.id).update({ status: 'failed' })
  return { owner, product, media }
}

/** A valid call of every documented operation, by operationId. */
export const validCalls: Record<string, Arrange> = {
  register: async () => ({
    body: { email: 'contract@example.com', password: 'long-enough-1', name: '계약 테스트' },
  }),
  login: async () => {
    const user = await UserFactory.create()
    return { body: { email: user.email, password: FACTORY_PASSWORD } }
  },
  logout: async (client) => {
    const user = await UserFactory.create()
    const login = await client
      .post('/api/v1/auth/login')
      .json({ email: user.email, password: FACTORY_PASSWORD })
    return { token: login.body().token }
  },
  me: async () => {
    const { owner } = await createSellerOwner()
    return { as: owner }
  },
  listCategories: async () => {
    const parent = await CategoryFactory.create()
    await CategoryFactory.merge({ parentId: parent.id }).create()
    return {}
  },
  listProducts: async () => {
    const { seller, category } = await sellerProduct(ProductStatus.Published)
    return {
      query: {
        q: '테스트',
        category: category.slug,
        seller: seller.slug,
        minPrice: 0,
        maxPrice: 50_000,
        sort: 'price_asc',
        page: 1,
        perPage: 10,
      },
    }
  },
  showProduct: async () => {
    const { product } = await sellerProduct(ProductStatus.Published)
    return { params: { slug: product.slug } }
  },
  listSellerProducts: async () => {
    const { owner } = await sellerProduct(ProductStatus.Rejected)
    return { as: owner, query: { status: 'rejected', page: 1, perPage: 5 } }
  },
  createSellerProduct: async () => {
    const category = await CategoryFactory.create()
    const { owner } = await createSellerOwner()
    return { as: owner, body: productBody(category.id) }
  },
  showSellerProduct: async () => {
    const { owner, product } = await sellerProduct()
    return { as: owner, params: { id: product.id } }
  },
  updateSellerProduct: async () => {
    const { owner, product } = await sellerProduct(ProductStatus.Published)
    const [variant] = product.variants
    return {
      as: owner,
      params: { id: product.id },
      body: {
        description: '새 설명',
        variants: [
          { id: variant.id, sku: variant.sku, price: 9_000, stock: 4, options: { 색상: '블랙' } },
        ],
      },
    }
  },
  listProductMedia: async () => {
    const { owner, product } = await sellerMedia()
    return { as: owner, params: { id: product.id } }
  },
  uploadProductMedia: async () => {
    const { owner, product } = await sellerProduct()
    const photo = await photoWithGps(`contract-upload-${product.id}.jpg`, 640, 480)
    return { as: owner, params: { id: product.id }, file: photo.path }
  },
  reorderProductMedia: async () => {
    const { owner, product, media } = await sellerMedia()
    return { as: owner, params: { id: product.id }, body: { ids: [media.id] } }
  },
  showMedia: async () => {
    const { owner, media } = await sellerMedia()
    return { as: owner, params: { id: media.id } }
  },
  updateMedia: async () => {
    const { owner, media } = await sellerMedia()
    return { as: owner, params: { id: media.id }, body: { alt: '정면', isCover: true } }
  },
  deleteMedia: async () => {
    const { owner, media } = await sellerMedia()
    return { as: owner, params: { id: media.id } }
  },
  retryMedia: async () => {
    const { owner, media } = await sellerMedia({ failed: true })
    return { as: owner, params: { id: media.id } }
  },
  submitSellerProduct: async () => {
    const { owner, product } = await sellerProduct()
    return { as: owner, params: { id: product.id } }
  },
  publishProduct: async () => {
    const { product } = await sellerProduct(ProductStatus.PendingReview)
    return { as: await UserFactory.apply('staff').create(), params: { id: product.id } }
  },
  rejectProduct: async () => {
    const { product } = await sellerProduct(ProductStatus.PendingReview)
    return {
      as: await UserFactory.apply('admin').create(),
      params: { id: product.id },
      body: { reason: '상세 설명이 부족합니다' },
    }
  },
  approveSeller: async () => {
    const seller = await SellerFactory.apply('pending').create()
    return { as: await UserFactory.apply('staff').create(), params: { id: seller.id } }
  },
  rejectSeller: async () => {
    const seller = await SellerFactory.apply('pending').create()
    return {
      as: await UserFactory.apply('admin').create(),
      params: { id: seller.id },
      body: { reason: '서류가 누락되었습니다' },
    }
  },
  ...commerceValidCalls,
}

/** Calls that must fail with a documented error status, and the status. */
export const failingCalls: { operationId: string; status: number; arrange: Arrange }[] = [
  { operationId: 'me', status: 401, arrange: async () => ({}) },
  { operationId: 'logout', status: 401, arrange: async () => ({ token: 'jt_MQ.bm90LWEtdG9rZW4' }) },
  {
    operationId: 'login',
    status: 400,
    arrange: async () => {
      const user = await UserFactory.create()
      return { body: { email: user.email, password: 'wrong-password' } }
    },
  },
  {
    operationId: 'login',
    status: 429,
    arrange: async (client) => {
      const user = await UserFactory.create()
      const body = { email: user.email, password: 'wrong-password' }
      for (let attempt = 1; attempt <= 5; attempt++) {
        await client.post('/api/v1/auth/login').json(body)
      }
      return { body }
    },
  },
  { operationId: 'register', status: 422, arrange: async () => ({ body: { email: 'nope' } }) },
  {
    operationId: 'listProducts',
    status: 422,
    arrange: async () => ({ query: { sort: 'cheapest' } }),
  },
  {
    operationId: 'showProduct',
    status: 404,
    arrange: async () => ({ params: { slug: 'no-such-product' } }),
  },
  { operationId: 'listSellerProducts', status: 401, arrange: async () => ({}) },
  {
    operationId: 'createSellerProduct',
    status: 403,
    arrange: async () => {
      const category = await CategoryFactory.create()
      return { as: await UserFactory.create(), body: productBody(category.id) }
    },
  },
  {
    operationId: 'createSellerProduct',
    status: 422,
    arrange: async () => {
      const { owner } = await createSellerOwner()
      return { as: owner, body: { variants: [] } }
    },
  },
  {
    operationId: 'showSellerProduct',
    status: 404,
    arrange: async () => {
      const { product } = await sellerProduct()
      const { owner: stranger } = await createSellerOwner()
      return { as: stranger, params: { id: product.id } }
    },
  },
  {
    operationId: 'showSellerProduct',
    status: 403,
    arrange: async () => {
      const { product } = await sellerProduct()
      return { as: await UserFactory.create(), params: { id: product.id } }
    },
  },
  {
    operationId: 'updateSellerProduct',
    status: 409,
    arrange: async () => {
      const { owner, product } = await sellerProduct(ProductStatus.PendingReview)
      return { as: owner, params: { id: product.id }, body: { title: '심사 중 수정' } }
    },
  },
  {
    operationId: 'submitSellerProduct',
    status: 409,
    arrange: async () => {
      const { owner, product } = await sellerProduct(ProductStatus.Published)
      return { as: owner, params: { id: product.id } }
    },
  },
  {
    operationId: 'submitSellerProduct',
    status: 401,
    arrange: async () => {
      const { product } = await sellerProduct()
      return { params: { id: product.id } }
    },
  },
  {
    operationId: 'publishProduct',
    status: 403,
    arrange: async () => {
      const { owner, product } = await sellerProduct(ProductStatus.PendingReview)
      return { as: owner, params: { id: product.id } }
    },
  },
  {
    operationId: 'rejectProduct',
    status: 422,
    arrange: async () => {
      const { product } = await sellerProduct(ProductStatus.PendingReview)
      return { as: await UserFactory.apply('staff').create(), params: { id: product.id }, body: {} }
    },
  },
  {
    operationId: 'approveSeller',
    status: 409,
    arrange: async () => {
      const seller = await SellerFactory.create()
      return { as: await UserFactory.apply('staff').create(), params: { id: seller.id } }
    },
  },
  {
    operationId: 'rejectSeller',
    status: 404,
    arrange: async () => ({
      as: await UserFactory.apply('admin').create(),
      params: { id: 999_999 },
      body: { reason: '없는 입점사입니다' },
    }),
  },
  ...commerceFailingCalls,
]
