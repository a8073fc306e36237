import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { rowIdMatcher } from '#validators/rules/bounds'

/*
 * The operators' back office (staff and admins). Moving money is for admins
 * and the staff they allowed (moveMoney); the audit log and staff grants are
 * for admins only, and so is the queue page (failed jobs).
 */
router
  .group(() => {
    router.get('/', [controllers.admin.Dashboard, 'show']).as('dashboard')

    router.get('/sellers', [controllers.admin.Sellers, 'index']).as('sellers.index')
    router.get('/sellers/:id', [controllers.admin.Sellers, 'show']).as('sellers.show')
    router
      .post('/sellers/:id/approve', [controllers.admin.Sellers, 'approve'])
      .as('sellers.approve')
    router.post('/sellers/:id/reject', [controllers.admin.Sellers, 'reject']).as('sellers.reject')

    router
      .get('/seller-changes', [controllers.admin.SellerChanges, 'index'])
      .as('seller_changes.index')
    router
      .get('/seller-changes/:id', [controllers.admin.SellerChanges, 'show'])
      .as('seller_changes.show')
    router
      .post('/seller-changes/:id/approve', [controllers.admin.SellerChanges, 'approve'])
      .as('seller_changes.approve')
    router
      .post('/seller-changes/:id/reject', [controllers.admin.SellerChanges, 'reject'])
      .as('seller_changes.reject')

    router.get('/products', [controllers.admin.ProductReviews, 'index']).as('products.index')
    router.get('/products/:id', [controllers.admin.ProductReviews, 'show']).as('products.show')
    router
      .post('/products/:id/publish', [controllers.admin.ProductReviews, 'publish'])
      .as('products.publish')
    router
      .post('/products/:id/reject', [controllers.admin.ProductReviews, 'reject'])
      .as('products.reject')

    router.get('/categories', [controllers.admin.Categories, 'index']).as('categories.index')
    router.post('/categories', [controllers.admin.Categories, 'store']).as('categories.store')
    router.put('/categories/:id', [controllers.admin.Categories, 'update']).as('categories.update')
    router
      .delete('/categories/:id', [controllers.admin.Categories, 'destroy'])
      .as('categories.destroy')

    router.get('/orders', [controllers.admin.Orders, 'index']).as('orders.index')
    router.get('/orders/:id', [controllers.admin.Orders, 'show']).as('orders.show')
    // Calling off a paid order refunds it: the action checks moveMoney then.
    router.post('/orders/:id/cancel', [controllers.admin.Orders, 'cancel']).as('orders.cancel')
    router
      .group(() => {
        router
          .post('/payments/:id/receive', [controllers.admin.Payments, 'receive'])
          .as('payments.receive')
        router
          .post('/payments/:id/refunds', [controllers.admin.Payments, 'refund'])
          .as('payments.refund')
        router
          .post('/payments/:id/accept', [controllers.admin.Payments, 'accept'])
          .as('payments.accept')
        router
          .post('/refunds/:id/retry', [controllers.admin.Payments, 'retryRefund'])
          .as('refunds.retry')
      })
      .use(middleware.authorize({ ability: 'moveMoney' }))

    router
      .group(() => {
        router.get('/staff', [controllers.admin.Staff, 'index']).as('staff.index')
        router
          .post('/staff/:id/money', [controllers.admin.Staff, 'grantMoney'])
          .as('staff.money.grant')
        router
          .delete('/staff/:id/money', [controllers.admin.Staff, 'revokeMoney'])
          .as('staff.money.revoke')
      })
      .use(middleware.authorize({ ability: 'manageStaff' }))

    router
      .get('/audit', [controllers.admin.AuditEvents, 'index'])
      .as('audit.index')
      .use(middleware.authorize({ ability: 'viewAuditLog' }))

    router
      .group(() => {
        router.get('/queue', [controllers.admin.Queue, 'index']).as('queue.index')
        router
          .post('/queue/:queue/jobs/:jobId/retry', [controllers.admin.Queue, 'retry'])
          .as('queue.retry')
        router
          .post('/queue/:queue/jobs/:jobId/discard', [controllers.admin.Queue, 'discard'])
          .as('queue.discard')
      })
      .where('queue', /^[\w.-]{1,64}$/)
      .where('jobId', /^[\w-]{1,64}$/)
      .use(middleware.authorize({ ability: 'operateQueue' }))
  })
  .prefix('/admin')
  .as('admin')
  .where('id', rowIdMatcher())
  .use([middleware.auth(), middleware.authorize({ ability: 'operateMarketplace' })])
