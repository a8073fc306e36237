import { inject } from '@adonisjs/core'
import FrameworkBodyParser from '@adonisjs/core/bodyparser_middleware'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import RequestBodyException from '#exceptions/request_body_exception'
import { discardUnreadBody } from '#middleware/unread_body'

/**
 * The framework's body parser (config/bodyparser.ts) with plain refusals:
 * whatever it cannot parse (bad or too deeply nested JSON, a broken form, an
 * unknown encoding) is a 400 and a body over its limit a 413, saying no more
 * than that, once the rest of the body is off the wire. Its own errors carry the body and messages such as "Maximum call
 * stack size exceeded". Multipart bodies are not read here: the uploads
 * middleware reads them on upload routes only.
 */
@inject()
export default class BodyParserMiddleware {
  constructor(protected parser: FrameworkBodyParser) {}

  async handle(ctx: HttpContext, next: NextFn) {
    let parsed = false
    try {
      return await this.parser.handle(ctx, () => {
        parsed = true
        return next()
      })
    } catch (error) {
      // Past parsing, errors belong to the rest of the request.
      if (parsed) throw error
      await discardUnreadBody(ctx)
      const tooLarge = (error as { status?: number }).status === 413
      throw new RequestBodyException(tooLarge ? 'E_BODY_TOO_LARGE' : 'E_MALFORMED_BODY', {
        cause: error,
      })
    }
  }
}
