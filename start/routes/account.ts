import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { rowIdMatcher } from '#validators/rules/bounds'

/*
 * The customer's own account. Address routes check ownership with
 * AddressPolicy; saved payment methods are looked up among the customer's own.
 */
router
  .group(() => {
    router.get('/', [controllers.account.Profile, 'edit']).as('edit')
    router.put('/', [controllers.account.Profile, 'update']).as('update')
    router.put('/password', [controllers.account.Profile, 'updatePassword']).as('password')
    router.post('/addresses', [controllers.account.Addresses, 'store']).as('addresses.store')
    router.put('/addresses/:id', [controllers.account.Addresses, 'update']).as('addresses.update')
    router
      .delete('/addresses/:id', [controllers.account.Addresses, 'destroy'])
      .as('addresses.destroy')
    router
      .get('/payment-methods', [controllers.account.PaymentMethods, 'index'])
      .as('payment_methods.index')
    router
      .delete('/payment-methods/:id', [controllers.account.PaymentMethods, 'destroy'])
      .as('payment_methods.destroy')
  })
  .prefix('/account')
  .as('account')
  .where('id', rowIdMatcher())
  .use(middleware.auth())
