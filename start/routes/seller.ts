import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { rowIdMatcher } from '#validators/rules/bounds'

/*
 * Applying to sell, and the seller center for members of approved sellers.
 * Product routes check ownership with ProductPolicy, order routes with
 * SellerOrderPolicy.
 */
router
  .group(() => {
    router.get('/', [controllers.seller.Application, 'show']).as('show')
    router.post('/', [controllers.seller.Application, 'store']).as('store')
  })
  .prefix('/sell')
  .as('seller.application')
  .use(middleware.auth())

router
  .group(() => {
    router.get('/', [controllers.seller.Dashboard, 'show']).as('dashboard')
    router.get('/products', [controllers.seller.Products, 'index']).as('products.index')
    router.get('/products/create', [controllers.seller.Products, 'create']).as('products.create')
    router.post('/products', [controllers.seller.Products, 'store']).as('products.store')
    router
      .group(() => {
        router.get('/edit', [controllers.seller.Products, 'edit']).as('edit')
        router.put('/', [controllers.seller.Products, 'update']).as('update')
        router.post('/submit', [controllers.seller.Products, 'submit']).as('submit')
        router.post('/archive', [controllers.seller.Products, 'archive']).as('archive')
        router.post('/restore', [controllers.seller.Products, 'restore']).as('restore')
        router.get('/media', [controllers.seller.Media, 'index']).as('media.index')
        router.post('/media', [controllers.seller.Media, 'store']).as('media.store')
        router.put('/media/order', [controllers.seller.Media, 'reorder']).as('media.reorder')
        router.put('/media/:mediaId', [controllers.seller.Media, 'update']).as('media.update')
        router.delete('/media/:mediaId', [controllers.seller.Media, 'destroy']).as('media.destroy')
        router.post('/media/:mediaId/retry', [controllers.seller.Media, 'retry']).as('media.retry')
      })
      .prefix('/products/:id')
      .as('products')
      .where('id', rowIdMatcher())
      .where('mediaId', rowIdMatcher())
    router.get('/settings', [controllers.seller.Settings, 'edit']).as('settings.edit')
    router.put('/settings', [controllers.seller.Settings, 'update']).as('settings.update')
    router
      .post('/settings/withdraw', [controllers.seller.Settings, 'withdraw'])
      .as('settings.withdraw')
    router.get('/shipping', [controllers.seller.Shipping, 'show']).as('shipping.show')
    router.post('/shipping/quote', [controllers.seller.Shipping, 'quote']).as('shipping.quote')
    router
      .put('/shipping/:scope', [controllers.seller.Shipping, 'update'])
      .as('shipping.update')
      .where('scope', /^(domestic|surcharge|international)$/)
    router.get('/orders', [controllers.seller.Orders, 'index']).as('orders.index')
    router
      .group(() => {
        router.get('/', [controllers.seller.Orders, 'show']).as('show')
        router.post('/ship', [controllers.seller.Orders, 'ship']).as('ship')
        router.post('/deliver', [controllers.seller.Orders, 'deliver']).as('deliver')
      })
      .prefix('/orders/:id')
      .as('orders')
      .where('id', rowIdMatcher())
  })
  .prefix('/seller')
  .as('seller')
  .use([middleware.auth(), middleware.sellerCenter()])
