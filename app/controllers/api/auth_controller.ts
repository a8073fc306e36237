import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import AccountService from '#services/account_service'
import { attemptLogin } from '#services/auth_service'
import { loginValidator, signupValidator } from '#validators/auth'
import UserTransformer from '#transformers/user_transformer'

/** Store API accounts: register, exchange credentials for a token, revoke it. */
@inject()
export default class AuthController {
  constructor(protected accounts: AccountService) {}

  async register({ request, response, serialize }: HttpContext) {
    const input = await request.validateUsing(signupValidator)
    const user = await this.accounts.register(input)
    return response.created(await serialize(UserTransformer.transform(user)))
  }

  async login({ request }: HttpContext) {
    const { email, password } = await request.validateUsing(loginValidator)
    const user = await attemptLogin(email, password, request.ip())
    const token = await User.accessTokens.create(user, ['*'], { name: 'api' })
    return {
      token: token.value!.release(),
      type: 'bearer',
      expiresAt: token.expiresAt?.toISOString() ?? null,
    }
  }

  async logout({ auth, response }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    await User.accessTokens.delete(user, user.currentAccessToken.identifier)
    return response.noContent()
  }

  async me({ auth, serialize }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    await user.load('membership', (query) => query.preload('seller'))
    return serialize(UserTransformer.transform(user))
  }
}
