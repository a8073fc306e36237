import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { checkoutThrottle } from '#start/limiter'
import { rowIdMatcher } from '#validators/rules/bounds'

/*
 * Shopping on the storefront: cart, checkout, payment pages and orders.
 * Guests shop too: their cart id and order keys live in the session, and an
 * order page opens for its account or its access key (404 for anyone else).
 */
router
  .group(() => {
    router.get('/cart', [controllers.storefront.Cart, 'show']).as('cart.show')
    router.post('/cart/items', [controllers.storefront.Cart, 'store']).as('cart.items.store')
    router.put('/cart/items/:id', [controllers.storefront.Cart, 'update']).as('cart.items.update')
    router
      .delete('/cart/items/:id', [controllers.storefront.Cart, 'destroy'])
      .as('cart.items.destroy')

    router.get('/checkout', [controllers.storefront.Checkout, 'show']).as('checkout.show')
    router.post('/checkout/quote', [controllers.storefront.Checkout, 'quote']).as('checkout.quote')
    router
      .post('/checkout', [controllers.storefront.Checkout, 'store'])
      .as('checkout.store')
      .use(checkoutThrottle)

    router.get('/orders/:number', [controllers.storefront.Orders, 'show']).as('orders.show')
    router
      .post('/orders/:number/cancel', [controllers.storefront.Orders, 'cancel'])
      .as('orders.cancel')
    router.post('/orders/:number/pay', [controllers.storefront.Orders, 'pay']).as('orders.pay')
    router
      .post('/orders/:number/sellers/:sellerOrderId/confirm', [
        controllers.storefront.Orders,
        'confirm',
      ])
      .as('orders.confirm')

    router
      .get('/payments/test-card/:attemptId', [controllers.storefront.TestCard, 'show'])
      .as('payments.test_card.show')
    router
      .post('/payments/test-card/:attemptId', [controllers.storefront.TestCard, 'store'])
      .as('payments.test_card.store')
    router
      .get('/payments/:attemptId/return', [controllers.storefront.PaymentReturns, 'show'])
      .as('payments.return')
  })
  .where('id', rowIdMatcher())
  .where('sellerOrderId', rowIdMatcher())
  .where('attemptId', router.matchers.uuid())
  .use(middleware.silentAuth())

router
  .get('/account/orders', [controllers.account.Orders, 'index'])
  .as('account.orders.index')
  .use(middleware.auth())
