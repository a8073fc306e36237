import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'

/**
 * A request carried a NUL character (U+0000) in its path, query string or
 * body. No text the store keeps may hold one (PostgreSQL cannot store it), so
 * the request is refused whole with a 400 naming where it was. Store API
 * requests get the usual `{ errors }` JSON from the exception handler.
 */
export default class NulCharacterException extends Exception {
  static status = 400
  static code = 'E_NUL_CHARACTER'

  constructor(readonly field: string) {
    super(`"${field}" contains a NUL character, which text may not contain`)
  }

  async handle(error: this, ctx: HttpContext) {
    const html = await ctx.view.render('pages/errors/bad_request', { field: error.field })
    ctx.response.status(400).send(html)
  }
}
