import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { authThrottle, checkoutThrottle } from '#start/limiter'
import { rowIdMatcher } from '#validators/rules/bounds'

/*
 * The Store API, version 1: bearer tokens, JSON in and out, errors as
 * { errors: [{ field?, code, message }] }. Documented at /api/v1/openapi.json.
 */
router
  .group(() => {
    router.get('/openapi.json', [controllers.api.OpenApi, 'show']).as('openapi')

    router
      .post('/auth/register', [controllers.api.Auth, 'register'])
      .as('auth.register')
      .use(authThrottle)
    router.post('/auth/login', [controllers.api.Auth, 'login']).as('auth.login').use(authThrottle)
    router
      .group(() => {
        router.post('/auth/logout', [controllers.api.Auth, 'logout']).as('auth.logout')
        router.get('/me', [controllers.api.Auth, 'me']).as('me')
      })
      .use(middleware.auth({ guards: ['api'] }))

    router.get('/categories', [controllers.api.Catalog, 'categoriesIndex']).as('categories.index')
    router.get('/products', [controllers.api.Catalog, 'productsIndex']).as('products.index')
    router.get('/products/:slug', [controllers.api.Catalog, 'productsShow']).as('products.show')

    router.post('/carts', [controllers.api.Carts, 'store']).as('carts.store')
    router
      .group(() => {
        router.get('/', [controllers.api.Carts, 'show']).as('show')
        router.post('/items', [controllers.api.Carts, 'addItem']).as('items.store')
        router.patch('/items/:itemId', [controllers.api.Carts, 'updateItem']).as('items.update')
        router.delete('/items/:itemId', [controllers.api.Carts, 'removeItem']).as('items.destroy')
      })
      .prefix('/carts/:cartId')
      .as('carts')
      .where('cartId', router.matchers.uuid())
      .where('itemId', rowIdMatcher())
    router
      .post('/checkout', [controllers.api.Checkout, 'store'])
      .as('checkout.store')
      .use(checkoutThrottle)
    router.get('/orders/:number', [controllers.api.Orders, 'show']).as('orders.show')

    router
      .group(() => {
        router.get('/products', [controllers.api.seller.Products, 'index']).as('products.index')
        router.post('/products', [controllers.api.seller.Products, 'store']).as('products.store')
        router.get('/products/:id', [controllers.api.seller.Products, 'show']).as('products.show')
        router
          .patch('/products/:id', [controllers.api.seller.Products, 'update'])
          .as('products.update')
        router
          .post('/products/:id/submit', [controllers.api.seller.Products, 'submit'])
          .as('products.submit')
        router
          .get('/products/:id/media', [controllers.api.seller.Media, 'index'])
          .as('products.media.index')
        router
          .post('/products/:id/media', [controllers.api.seller.Media, 'store'])
          .as('products.media.store')
        router
          .put('/products/:id/media/order', [controllers.api.seller.Media, 'reorder'])
          .as('products.media.reorder')
        router.get('/media/:id', [controllers.api.seller.Media, 'show']).as('media.show')
        router.patch('/media/:id', [controllers.api.seller.Media, 'update']).as('media.update')
        router.delete('/media/:id', [controllers.api.seller.Media, 'destroy']).as('media.destroy')
        router.post('/media/:id/retry', [controllers.api.seller.Media, 'retry']).as('media.retry')
      })
      .prefix('/seller')
      .as('seller')
      .use([middleware.auth({ guards: ['api'] }), middleware.sellerCenter()])

    router
      .group(() => {
        router
          .post('/products/:id/publish', [controllers.api.admin.Reviews, 'publishProduct'])
          .as('products.publish')
        router
          .post('/products/:id/reject', [controllers.api.admin.Reviews, 'rejectProduct'])
          .as('products.reject')
        router
          .post('/sellers/:id/approve', [controllers.api.admin.Reviews, 'approveSeller'])
          .as('sellers.approve')
        router
          .post('/sellers/:id/reject', [controllers.api.admin.Reviews, 'rejectSeller'])
          .as('sellers.reject')
      })
      .prefix('/admin')
      .as('admin')
      .use([
        middleware.auth({ guards: ['api'] }),
        middleware.authorize({ ability: 'operateMarketplace' }),
      ])
  })
  .prefix('/api/v1')
  .as('api.v1')
  .where('id', rowIdMatcher())
