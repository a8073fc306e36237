import type { ApiClient } from '@japa/api-client'
import type User from '#models/user'
import { ProductStatus } from '#lifecycles/product_lifecycle'
import { CategoryFactory, createProduct, createSellerOwner } from '#database/factories/index'

/** Uploads `path` to a product through the seller API, as its owner. */
export function upload(
  client: ApiClient,
  owner: User,
  productId: number,
  path: string | Buffer,
  filename?: string
) {
  return client
    .post(`/api/v1/seller/products/${productId}/media`)
    .file('file', path, filename ? { filename } : undefined)
    .withGuard('api')
    .loginAs(owner)
}

/** An approved seller's owner and one of its products. */
export async function sellerWithProduct(status = ProductStatus.Draft) {
  const { owner, seller } = await createSellerOwner()
  const category = await CategoryFactory.create()
  const product = await createProduct(seller, category, { status })
  return { owner, seller, product }
}
