import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { shippingAddressFrom } from '#services/orders/shipping_address'
import { Exception } from '@adonisjs/core/exceptions'
import type Address from '#models/address'
import type Cart from '#models/cart'
import type { Destination } from '#shipping/types'
import type User from '#models/user'
import {
  CartChangedException,
  CommerceException,
  NotDeliverableException,
} from '#exceptions/commerce_exceptions'
import { CheckoutService, destinationOf } from '#services/checkout/checkout_service'
import { summarizeCart } from '#services/cart/cart_summary'
import type { ShippingAddress } from '#services/orders/shipping_address'
import {
  checkoutQuoteValidator,
  checkoutValidator,
  withSavedMethodChoice,
} from '#validators/checkout'
import { decimalNumber } from '#validators/rules/numbers'
import { savedAddressValidator } from '#validators/cart_web'
import { countryOptions } from '#services/shop/country_options'
import { commerceMessage } from '#services/shop/commerce_messages'
import { flashOutcome, redirectOf, shopperActor } from '#services/shop/order_pages'
import {
  rememberCartCount,
  rememberOrderKey,
  shipToOf,
  shopperCart,
} from '#services/shop/shop_session'

/** The form's inputs besides the address. */
const NOT_FLASHED = ['_csrf', '_method']

/**
 * The checkout page: contact email, shipping address, payment method and a
 * review of every seller's items and shipping for that address. "Update
 * shipping" posts the form to `quote`, which re-prices the cart for the typed
 * address without JavaScript and can never place an order (nor counts against
 * the checkout rate limit); "place order" posts to `store`, which hands over
 * to CheckoutService, then to the payment's next step. A refused order writes
 * nothing and says why.
 */
@inject()
export default class CheckoutController {
  constructor(protected checkout: CheckoutService) {}

  async show(ctx: HttpContext) {
    const { auth, request, response, session, view, i18n } = ctx
    const user = auth.user ?? null
    const [invalid, query] = await savedAddressValidator.tryValidate(request.filledQs())
    const savedId = query?.address
    const addresses = user ? await savedAddresses(user) : []
    const saved = savedId ? addresses.find((address) => address.id === savedId) : addresses[0]
    // Someone else's address (or a malformed id) does not exist for this shopper.
    if (invalid || (savedId && !saved)) {
      throw new Exception('Address not found', { status: 404, code: 'E_ROW_NOT_FOUND' })
    }

    const home = this.checkout.quoter.registry.homeCountry
    const prefill = saved
      ? fromSaved(saved)
      : { ...blankAddress(home), ...(shipToOf(session) ?? {}) }
    const typed = session.flashMessages.get('shippingAddress') as Partial<ShippingAddress> | null
    const cart = await shopperCart(ctx, { create: false })
    const destination = quoteDestination({ ...prefill, ...typed }, home)
    const summary = cart ? await this.#price(cart, destination) : null
    if (!summary?.sellers.length) {
      session.flash('error', i18n.t('shop.errors.cart_empty'))
      return response.redirect().toRoute('cart.show')
    }
    rememberCartCount(session, summary.totals.itemCount)

    const methods = this.checkout.payments.manager.enabled()
    return view.render('pages/storefront/checkout', {
      // One-click and "save for next time" are for signed-in customers only.
      savedMethods: user ? await this.checkout.savedMethods.usable(user) : [],
      savingMethods: user ? methods.filter((method) => method.capabilities.savedMethods) : [],
      summary,
      addresses,
      savedId: saved?.id ?? null,
      values: {
        email: user?.email ?? '',
        address: prefill,
        paymentMethod: (methods.find((method) => method.isDefault) ?? methods[0])?.code,
      },
      methods,
      countries: countryOptions(i18n.locale, home),
      cartCount: summary.totals.itemCount,
    })
  }

  /** Back to the page with what was typed, re-priced for that address by `show`. */
  async quote(ctx: HttpContext) {
    await ctx.request.validateUsing(checkoutQuoteValidator)
    return this.#backToForm(ctx)
  }

  async store(ctx: HttpContext) {
    const { auth, request, response, session, i18n } = ctx
    const cart = await shopperCart(ctx, { create: false })
    if (!cart) {
      session.flash('error', i18n.t('shop.errors.cart_empty'))
      return response.redirect().toRoute('cart.show')
    }
    const input = await request.validateUsing(checkoutValidator, {
      data: { ...withSavedMethodChoice(request.all()), cartId: cart.id },
    })
    // The shopper reviewed another version of the cart (changed in another tab).
    if (decimalNumber(request.input('cartVersion')) !== cart.version) {
      return this.#backToForm(ctx, new CartChangedException())
    }

    const user = auth.user ?? null
    let placed: Awaited<ReturnType<CheckoutService['place']>>
    try {
      placed = await this.checkout.place(
        {
          ...input,
          shippingAddress: shippingAddressFrom(input.shippingAddress),
          user,
          locale: i18n.locale,
        },
        shopperActor(user)
      )
    } catch (error) {
      if (error instanceof NotDeliverableException || error instanceof CartChangedException) {
        return this.#backToForm(ctx, error)
      }
      if (!(error instanceof CommerceException)) throw error
      session.flash('error', commerceMessage(error, i18n))
      return response.redirect().toRoute('cart.show')
    }

    const { order, payment, accessKey } = placed
    if (!user) rememberOrderKey(session, order.number, accessKey)
    rememberCartCount(session, 0)
    const redirect = redirectOf(payment)
    if (redirect) return response.redirect(redirect)
    // One-click charged already: say whether it was paid or why not (then "pay again").
    if (input.savedMethodId) flashOutcome(ctx, payment)
    else session.flash('success', i18n.t('shop.checkout.placed'))
    return response.redirect().toRoute('orders.show', { number: order.number })
  }

  /** The cart priced now for a destination, as the review shows it and the order will charge. */
  #price(cart: Cart, destination: Destination) {
    return summarizeCart(cart, destination, this.checkout.quoter, {
      currency: this.checkout.settings.currency,
    })
  }

  /** Back to the form with what was typed (re-priced for it), and why when refused. */
  #backToForm({ response, session, i18n }: HttpContext, refusal?: CommerceException) {
    session.flashExcept(NOT_FLASHED)
    if (refusal) session.flash('error', commerceMessage(refusal, i18n))
    return response.redirect().toRoute('checkout.show')
  }
}

async function savedAddresses(user: User) {
  return user.related('addresses').query().orderBy('is_default', 'desc').orderBy('id')
}

function blankAddress(country: string): ShippingAddress {
  return {
    name: '',
    phone: '',
    country,
    postalCode: '',
    line1: '',
    line2: null,
    city: null,
    region: null,
  }
}

function fromSaved(address: Address): ShippingAddress {
  return {
    name: address.recipient,
    phone: address.phone,
    country: address.country,
    postalCode: address.postalCode,
    line1: address.line1,
    line2: address.line2,
    city: address.city,
    region: address.region,
  }
}

/** The destination to quote for, from whatever was typed (a blank country is the home one). */
function quoteDestination(address: Partial<ShippingAddress>, home: string) {
  const country = String(address.country ?? '')
    .trim()
    .toUpperCase()
  return destinationOf({
    ...blankAddress(home),
    country: /^[A-Z]{2}$/.test(country) ? country : home,
    postalCode: String(address.postalCode ?? '').trim(),
    city: address.city ?? null,
    region: address.region ?? null,
  })
}
