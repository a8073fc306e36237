import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'

/**
 * A listing (storefront, seller center, back office) was asked for with
 * malformed filters (a sort that does not exist, a negative price, a date
 * range that ends before it starts). Answered with 422 and a page that says
 * which filter was wrong and links to the list without filters, instead of a
 * redirect to wherever the visitor came from.
 */
export default class InvalidFiltersException extends Exception {
  static status = 422
  static code = 'E_INVALID_FILTERS'

  constructor(readonly messages: { field: string; message: string }[]) {
    super('Invalid filters')
  }

  async handle(error: this, ctx: HttpContext) {
    const html = await ctx.view.render('pages/storefront/invalid_filters', {
      messages: error.messages,
      listUrl: ctx.request.url(),
    })
    ctx.response.status(422).send(html)
  }
}
