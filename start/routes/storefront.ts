import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'
import { authThrottle } from '#start/limiter'

/*
 * The public storefront and sign-in. Pages load the signed-in user (if any)
 * for the account menu.
 */
router
  .group(() => {
    router.get('/', [controllers.storefront.Home, 'show']).as('home')
    router.get('/search', [controllers.storefront.Products, 'index']).as('search')
    router
      .get('/categories/:slug', [controllers.storefront.Categories, 'show'])
      .as('categories.show')
    router.get('/products/:slug', [controllers.storefront.Products, 'show']).as('products.show')
    router.get('/sellers/:slug', [controllers.storefront.Sellers, 'show']).as('sellers.show')
    router.post('/locale', [controllers.storefront.Locale, 'update']).as('locale.update')
  })
  .use(middleware.silentAuth())

router
  .group(() => {
    router.get('/signup', [controllers.auth.Signup, 'create']).as('signup.create')
    router.post('/signup', [controllers.auth.Signup, 'store']).as('signup.store').use(authThrottle)
    router.get('/login', [controllers.auth.Session, 'create']).as('session.create')
    router.post('/login', [controllers.auth.Session, 'store']).as('session.store').use(authThrottle)
  })
  .use(middleware.guest())

router
  .post('/logout', [controllers.auth.Session, 'destroy'])
  .as('session.destroy')
  .use(middleware.auth())
