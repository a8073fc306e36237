import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import AccountService from '#services/account_service'
import { signupValidator } from '#validators/auth'
import { adoptGuestCart } from '#services/shop/shop_session'

/** Customer sign-up on the storefront. */
@inject()
export default class SignupController {
  constructor(protected accounts: AccountService) {}

  async create({ view }: HttpContext) {
    return view.render('pages/auth/signup')
  }

  async store({ request, auth, response, session, i18n }: HttpContext) {
    const input = await request.validateUsing(signupValidator)
    const user = await this.accounts.register(input)
    await auth.use('web').login(user)
    await adoptGuestCart(session, user)
    session.flash('success', i18n.t('messages.auth.welcome', { name: user.fullName }))
    return response.redirect().toIntended('/')
  }
}
