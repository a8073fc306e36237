import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Product from '#models/product'
import Media from '#models/media'
import ProductPolicy from '#policies/product_policy'
import MediaPolicy from '#policies/media_policy'
import MediaService from '#services/media_service'
import { receiveUpload } from '#services/media_upload'
import { mediaOrderValidator, mediaUpdateValidator, mediaUploadValidator } from '#validators/media'
import MediaTransformer from '#transformers/media_transformer'
import { actorFor } from '#audit/actor'

/**
 * Product photos and videos in the seller API. Uploads answer 202: the file
 * is stored and queued, and GET /media/:id shows it becoming ready.
 */
@inject()
export default class SellerMediaController {
  constructor(protected media: MediaService) {}

  async index({ params, bouncer, serialize }: HttpContext) {
    const product = await this.#product(params.id, bouncer)
    const media = await this.media.forProduct(product)
    return serialize(MediaTransformer.transform(media).useVariant('toSellerView'))
  }

  async store({ params, bouncer, request, response, auth, serialize }: HttpContext) {
    const product = await this.#product(params.id, bouncer)
    const { alt } = await request.validateUsing(mediaUploadValidator)
    const media = await receiveUpload(request.file('file'), alt, (input) =>
      this.media.upload(product, input, this.#actor(auth))
    )
    return response
      .status(202)
      .send(await serialize(MediaTransformer.transform(media).useVariant('toSellerView')))
  }

  async show({ params, bouncer, serialize }: HttpContext) {
    const media = await this.#media(params.id, bouncer)
    return serialize(MediaTransformer.transform(media).useVariant('toSellerView'))
  }

  async update({ params, bouncer, request, auth, serialize }: HttpContext) {
    const media = await this.#media(params.id, bouncer)
    const changes = await request.validateUsing(mediaUpdateValidator)
    await this.media.update(media, changes, this.#actor(auth))
    return serialize(MediaTransformer.transform(media).useVariant('toSellerView'))
  }

  async reorder({ params, bouncer, request, auth, serialize }: HttpContext) {
    const product = await this.#product(params.id, bouncer)
    const { ids } = await request.validateUsing(mediaOrderValidator)
    await this.media.reorder(product, ids, this.#actor(auth))
    const media = await this.media.forProduct(product)
    return serialize(MediaTransformer.transform(media).useVariant('toSellerView'))
  }

  async retry({ params, bouncer, auth, response, serialize }: HttpContext) {
    const media = await this.#media(params.id, bouncer)
    await this.media.retry(media, this.#actor(auth))
    return response
      .status(202)
      .send(await serialize(MediaTransformer.transform(media).useVariant('toSellerView')))
  }

  async destroy({ params, bouncer, auth, response }: HttpContext) {
    const media = await this.#media(params.id, bouncer)
    await this.media.remove(media, this.#actor(auth))
    return response.noContent()
  }

  #actor(auth: HttpContext['auth']) {
    return actorFor(auth.use('api').getUserOrFail(), { asSeller: true })
  }

  async #product(id: string, bouncer: HttpContext['bouncer']) {
    const product = await Product.findOrFail(id)
    await bouncer.with(ProductPolicy).authorize('manage', product)
    return product
  }

  async #media(id: string, bouncer: HttpContext['bouncer']) {
    const media = await Media.findOrFail(id)
    await bouncer.with(MediaPolicy).authorize('manage', media)
    return media
  }
}
