import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type * as abilities from '#abilities/main'

/**
 * Guards a whole route group with a bouncer ability, e.g. every /admin route
 * with `operateMarketplace`. Runs after `auth`.
 */
export default class AuthorizeMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { ability: keyof typeof abilities }) {
    await ctx.bouncer.authorize(options.ability)
    return next()
  }
}
