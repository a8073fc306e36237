import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import config from '@adonisjs/core/services/config'
import { Exception } from '@adonisjs/core/exceptions'
import type Cart from '#models/cart'
import { CartService } from '#services/cart/cart_service'
import { summarizeCart } from '#services/cart/cart_summary'
import { ShippingQuoter } from '#services/shipping/shipping_quoter'
import {
  cartDestinationValidator,
  cartItemValidator,
  cartQuantityValidator,
} from '#validators/cart'
import { countryOptions } from '#services/shop/country_options'
import { refusalMessage } from '#services/shop/commerce_messages'
import {
  forgetCart,
  recountCart,
  rememberCartCount,
  rememberShipTo,
  shipToOf,
  shopperCart,
} from '#services/shop/shop_session'

/**
 * The cart page: lines grouped by seller with each seller's shipping quote
 * for a destination the shopper may pick, and the forms that change lines.
 * A refused change (out of stock, no longer for sale, over the limit) comes
 * back as a flash message; nothing is written.
 */
@inject()
export default class CartController {
  constructor(
    protected carts: CartService,
    protected quoter: ShippingQuoter
  ) {}

  async show(ctx: HttpContext) {
    const { request, response, session, view, i18n } = ctx
    const home = this.quoter.registry.homeCountry
    const [invalid, picked] = await cartDestinationValidator.tryValidate(request.filledQs(), {
      messagesProvider: i18n.createMessagesProvider(),
      meta: { homeCountry: home },
    })
    if (picked?.country || picked?.postalCode) {
      rememberShipTo(session, {
        country: picked.country ?? home,
        postalCode: picked.postalCode ?? '',
      })
    }
    // A refused destination is shown with its error, and the quote stays on the last good one.
    if (invalid) response.status(422)
    const destination = shipToOf(session) ?? { country: home, postalCode: '' }
    const cart = await shopperCart(ctx, { create: false })
    const summary = cart
      ? await summarizeCart(cart, destination, this.quoter, {
          currency: config.get<string>('store.currency'),
          covers: true,
        })
      : null
    const cartCount = summary?.totals.itemCount ?? 0
    rememberCartCount(session, cartCount)
    return view.render('pages/storefront/cart', {
      summary: summary?.sellers.length ? summary : null,
      destination,
      destinationErrors: invalid?.messages ?? [],
      countries: countryOptions(i18n.locale, home),
      cartCount,
    })
  }

  /** "Add to cart" on a product page. */
  async store(ctx: HttpContext) {
    const { request, response, session, i18n } = ctx
    const [invalid, line] = await cartItemValidator.tryValidate(request.all(), {
      messagesProvider: i18n.createMessagesProvider(),
    })
    if (invalid) {
      session.flash('error', invalid.messages[0].message)
      return response.redirect().back()
    }
    const cart = (await shopperCart(ctx, { create: true }))!
    const added = await this.#change(ctx, cart, 'shop.cart.added', () =>
      this.carts.addItem(cart, line.variantId, line.quantity)
    )
    if (!added && cart.$isLocal) {
      // A cart created for a refused line would be an empty row left behind.
      await cart.delete()
      forgetCart(session)
    }
    return added ? response.redirect().toRoute('cart.show') : response.redirect().back()
  }

  async update(ctx: HttpContext) {
    const { params, request, response, session, i18n } = ctx
    const cart = await this.#cartOrFail(ctx)
    const [invalid, input] = await cartQuantityValidator.tryValidate(request.all(), {
      messagesProvider: i18n.createMessagesProvider(),
    })
    if (invalid) {
      session.flash('error', invalid.messages[0].message)
    } else {
      await this.#change(ctx, cart, 'shop.cart.updated', () =>
        this.carts.setQuantity(cart, Number(params.id), input.quantity)
      )
    }
    return response.redirect().toRoute('cart.show')
  }

  async destroy(ctx: HttpContext) {
    const cart = await this.#cartOrFail(ctx)
    await this.#change(ctx, cart, 'shop.cart.removed', () =>
      this.carts.removeItem(cart, Number(ctx.params.id))
    )
    return ctx.response.redirect().toRoute('cart.show')
  }

  /** Lines of a cart the shopper does not have do not exist for them. */
  async #cartOrFail(ctx: HttpContext): Promise<Cart> {
    const cart = await shopperCart(ctx, { create: false })
    if (!cart) throw new Exception('Cart not found', { status: 404, code: 'E_ROW_NOT_FOUND' })
    return cart
  }

  /** Runs a change, then keeps the header count and says how it went. */
  async #change(
    { session, i18n }: HttpContext,
    cart: Cart,
    successKey: string,
    change: () => Promise<unknown>
  ): Promise<boolean> {
    try {
      await change()
    } catch (error) {
      const message = refusalMessage(error, i18n)
      if (!message) throw error
      session.flash('error', message)
      return false
    }
    await recountCart(session, cart)
    session.flash('success', i18n.t(successKey))
    return true
  }
}
