import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Product from '#models/product'
import Media from '#models/media'
import ProductPolicy from '#policies/product_policy'
import MediaService from '#services/media_service'
import { receiveUpload } from '#services/media_upload'
import { mediaOrderValidator, mediaUpdateValidator, mediaUploadValidator } from '#validators/media'
import MediaTransformer from '#transformers/media_transformer'
import { actorFor } from '#audit/actor'

/**
 * A product's photos and videos in the seller center. The product page's
 * uploader calls these with fetch and gets JSON; without JavaScript the same
 * forms post and redirect back to the product.
 */
@inject()
export default class MediaController {
  constructor(protected media: MediaService) {}

  /** The gallery as JSON, polled while items are processing. */
  async index({ params, bouncer, serialize }: HttpContext) {
    const product = await this.#product(params.id, bouncer)
    const media = await this.media.forProduct(product)
    return serialize(MediaTransformer.transform(media).useVariant('toSellerView'))
  }

  async store(ctx: HttpContext) {
    const { params, bouncer, request, response, auth } = ctx
    const product = await this.#product(params.id, bouncer)
    const { alt } = await request.validateUsing(mediaUploadValidator)
    const media = await receiveUpload(request.file('file'), alt, (input) =>
      this.media.upload(product, input, actorFor(auth.getUserOrFail(), { asSeller: true }))
    )
    if (this.#wantsJson(ctx)) {
      return response
        .status(202)
        .send(await ctx.serialize(MediaTransformer.transform(media).useVariant('toSellerView')))
    }
    return this.#back(ctx, product.id, 'messages.media.uploaded')
  }

  async update(ctx: HttpContext) {
    const { params, bouncer, request, auth } = ctx
    const media = await this.#media(params, bouncer)
    const changes = await request.validateUsing(mediaUpdateValidator)
    await this.media.update(media, changes, actorFor(auth.getUserOrFail(), { asSeller: true }))
    return this.#respond(ctx, media, 'messages.media.updated')
  }

  async reorder(ctx: HttpContext) {
    const { params, bouncer, request, auth, response } = ctx
    const product = await this.#product(params.id, bouncer)
    const { ids } = await request.validateUsing(mediaOrderValidator)
    await this.media.reorder(product, ids, actorFor(auth.getUserOrFail(), { asSeller: true }))
    if (this.#wantsJson(ctx)) return response.noContent()
    return this.#back(ctx, product.id, 'messages.media.reordered')
  }

  async retry(ctx: HttpContext) {
    const { params, bouncer, auth } = ctx
    const media = await this.#media(params, bouncer)
    await this.media.retry(media, actorFor(auth.getUserOrFail(), { asSeller: true }))
    return this.#respond(ctx, media, 'messages.media.requeued')
  }

  async destroy(ctx: HttpContext) {
    const { params, bouncer, auth, response } = ctx
    const media = await this.#media(params, bouncer)
    await this.media.remove(media, actorFor(auth.getUserOrFail(), { asSeller: true }))
    if (this.#wantsJson(ctx)) return response.noContent()
    return this.#back(ctx, media.productId, 'messages.media.removed')
  }

  async #respond(ctx: HttpContext, media: Media, message: string) {
    if (!this.#wantsJson(ctx)) return this.#back(ctx, media.productId, message)
    return ctx.serialize(MediaTransformer.transform(media).useVariant('toSellerView'))
  }

  #wantsJson({ request }: HttpContext) {
    return request.accepts(['html', 'json']) === 'json'
  }

  #back({ session, i18n, response }: HttpContext, productId: number, message: string) {
    session.flash('success', i18n.t(message))
    return response.redirect().toRoute('seller.products.edit', { id: productId })
  }

  async #product(id: string, bouncer: HttpContext['bouncer']) {
    const product = await Product.findOrFail(id)
    await bouncer.with(ProductPolicy).authorize('manage', product)
    return product
  }

  /** A media item of one of this seller's products; anything else is a 404. */
  async #media(params: Record<string, string>, bouncer: HttpContext['bouncer']) {
    const product = await this.#product(params.id, bouncer)
    return Media.query().where('id', params.mediaId).where('product_id', product.id).firstOrFail()
  }
}
