import { randomUUID } from 'node:crypto'
import logger from '@adonisjs/core/services/logger'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/** What a client-sent X-Request-Id may look like: a UUID, a trace id, a short token. */
const ACCEPTABLE_ID = /^[\w.:/+=@-]{1,64}$/

/**
 * Bounds the request id a client may send. The id travels into logs, the
 * response and every audit row the request writes; one that is too long or
 * carries anything but plain token characters is replaced by a fresh UUID,
 * so a hostile header can neither bloat logs nor make a write fail.
 */
export default class RequestIdMiddleware {
  handle(ctx: HttpContext, next: NextFn) {
    const given = ctx.request.header('x-request-id')
    if (given !== undefined && !ACCEPTABLE_ID.test(given)) {
      const id = randomUUID()
      ctx.request.request.headers['x-request-id'] = id
      ctx.logger = logger.child({ request_id: id })
    }
    return next()
  }
}
