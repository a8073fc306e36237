import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type Seller from '#models/seller'
import type User from '#models/user'

/**
 * Loads the signed-in member's seller for the seller center and its API, and
 * lets only members of an approved seller in. Pages send everyone else to
 * the application page, which shows where their application stands.
 */
export default class SellerCenterMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const user: User = ctx.auth.getUserOrFail()
    await user.load('membership', (query) => query.preload('seller'))
    if (!(await ctx.bouncer.allows('useSellerCenter'))) {
      if (ctx.request.url().startsWith('/api/')) return ctx.bouncer.authorize('useSellerCenter')
      return ctx.response.redirect().toRoute('seller.application.show')
    }
    ctx.seller = user.membership.seller
    if ('view' in ctx) ctx.view.share({ currentSeller: ctx.seller })
    return next()
  }
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    /** The seller whose center is being used; set by SellerCenterMiddleware. */
    seller: Seller
  }
}
