import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

/*
 * The customer's own account. Address routes check ownership with
 * AddressPolicy.
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
  })
  .prefix('/account')
  .as('account')
  .where('id', router.matchers.number())
  .use(middleware.auth())
