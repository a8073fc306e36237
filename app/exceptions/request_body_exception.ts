import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'

/** Why a body was refused, with its status and the message the Store API shows. */
const REFUSALS = {
  E_MALFORMED_BODY: { status: 400, message: 'The request body could not be read' },
  E_BODY_TOO_LARGE: { status: 413, message: 'The request body is too large' },
  E_MULTIPART_NOT_ACCEPTED: {
    status: 415,
    message: 'This address does not take file uploads (multipart/form-data)',
  },
}

export type BodyRefusal = keyof typeof REFUSALS

/**
 * A request body refused before any controller ran: unparsable (bad or too
 * deeply nested JSON, a broken form or multipart stream), too large, or a
 * multipart body sent where no file is taken. It says only that: the
 * parser's own error (and the body it carries) stays out of the answer.
 * Pages get an error page; the Store API, and anyone asking for JSON, the
 * usual `{ errors }` JSON.
 */
export default class RequestBodyException extends Exception {
  constructor(code: BodyRefusal, options?: { cause?: unknown }) {
    super(REFUSALS[code].message, { status: REFUSALS[code].status, code, cause: options?.cause })
  }

  async handle(error: this, ctx: HttpContext) {
    if (ctx.request.accepts(['html', 'json']) === 'json') {
      return ctx.response
        .status(error.status)
        .send({ errors: [{ code: error.code, message: error.message }] })
    }
    const html = await ctx.view.render('pages/errors/unreadable_request', { code: error.code })
    ctx.response.status(error.status).send(html)
  }
}
