import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import config from '@adonisjs/core/services/config'
import Cart from '#models/cart'
import { CartService } from '#services/cart/cart_service'
import { ShippingQuoter } from '#services/shipping/shipping_quoter'
import { summarizeCart } from '#services/cart/cart_summary'
import {
  cartDestinationValidator,
  cartItemValidator,
  cartQuantityValidator,
} from '#validators/cart'
import CartTransformer from '#transformers/cart_transformer'

/**
 * Carts in the Store API. A cart is addressed by its unguessable id; every
 * answer is the cart priced now, grouped by seller with shipping quotes.
 */
@inject()
export default class CartsController {
  constructor(
    protected carts: CartService,
    protected quoter: ShippingQuoter
  ) {}

  async store({ response }: HttpContext) {
    const cart = await this.carts.create()
    return response.status(201).send({ data: { id: cart.id } })
  }

  async show({ params, request, serialize }: HttpContext) {
    const cart = await Cart.findOrFail(params.cartId)
    const destination = await request.validateUsing(cartDestinationValidator, {
      data: request.qs(),
      meta: { homeCountry: this.quoter.registry.homeCountry },
    })
    return serialize(CartTransformer.transform(await this.#summary(cart, destination)))
  }

  async addItem({ params, request, response, serialize }: HttpContext) {
    const cart = await Cart.findOrFail(params.cartId)
    const { variantId, quantity } = await request.validateUsing(cartItemValidator)
    await this.carts.addItem(cart, variantId, quantity)
    await cart.refresh()
    return response
      .status(201)
      .send(await serialize(CartTransformer.transform(await this.#summary(cart))))
  }

  async updateItem({ params, request, serialize }: HttpContext) {
    const cart = await Cart.findOrFail(params.cartId)
    const { quantity } = await request.validateUsing(cartQuantityValidator)
    await this.carts.setQuantity(cart, Number(params.itemId), quantity)
    await cart.refresh()
    return serialize(CartTransformer.transform(await this.#summary(cart)))
  }

  async removeItem({ params, serialize }: HttpContext) {
    const cart = await Cart.findOrFail(params.cartId)
    await this.carts.removeItem(cart, Number(params.itemId))
    await cart.refresh()
    return serialize(CartTransformer.transform(await this.#summary(cart)))
  }

  #summary(cart: Cart, destination: { country?: string; postalCode?: string } = {}) {
    return summarizeCart(
      cart,
      {
        country: destination.country ?? this.quoter.registry.homeCountry,
        postalCode: destination.postalCode ?? '',
      },
      this.quoter,
      { currency: config.get<string>('store.currency') }
    )
  }
}
