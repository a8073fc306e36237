import app from '@adonisjs/core/services/app'
import type { ApiRequest } from '@japa/api-client'
import Media from '#models/media'
import type Product from '#models/product'
import type User from '#models/user'
import MediaService from '#services/media_service'
import { SYSTEM_ACTOR } from '#audit/actor'
import { CategoryFactory, createProduct, createSellerOwner } from '#database/factories/index'
import { photoWithGps, smallPng } from '#tests/helpers/media_fixtures'

export async function sellerWithProduct() {
  const { owner, seller } = await createSellerOwner()
  const product = await createProduct(seller, await CategoryFactory.create())
  return { owner, seller, product }
}

/** A photo in the product's gallery, queued as an upload leaves it (no worker runs). */
export async function uploaded(product: Product, file: { path: string; data: Buffer }) {
  const service = await app.container.make(MediaService)
  return service.upload(
    product,
    { path: file.path, size: file.data.length, clientName: 'photo.jpg' },
    SYSTEM_ACTOR
  )
}

/** Two distinct photos in the gallery, in upload order. */
export async function twoPhotos(product: Product) {
  const first = await uploaded(product, await photoWithGps('first.jpg'))
  const second = await uploaded(product, await smallPng('second.png'))
  return [first, second]
}

/** A request as media_manager.js sends it: JSON wanted, session and CSRF token. */
export function asJson(request: ApiRequest, owner: User) {
  return request.header('accept', 'application/json').loginAs(owner).withCsrfToken()
}

/** The ids of a product's media, in gallery order. */
export async function galleryOf(product: Product) {
  const media = await Media.query().where('product_id', product.id).orderBy('position')
  return media.map((item) => item.id)
}

export function editPage(product: Product) {
  return `/seller/products/${product.id}/edit`
}
