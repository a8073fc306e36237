import type { Logger } from '@adonisjs/core/logger'
import type { RequestOutcome } from '#observability/request_outcome'

/**
 * One JSON line per request on the application log:
 * `{"msg":"request","method":"GET","route":"/orders/:number","status":200,"ms":12.3,"request_id":"…","user_id":7}`.
 * Written at info level, and at error level for a 5xx answer (the server's
 * fault). Nothing from the URL beyond the route's pattern.
 */
export class AccessLog {
  constructor(public logger: Logger) {}

  write(outcome: RequestOutcome) {
    const level = outcome.status >= 500 ? 'error' : 'info'
    this.logger[level](
      {
        method: outcome.method,
        route: outcome.route,
        status: outcome.status,
        ms: outcome.ms,
        request_id: outcome.requestId,
        user_id: outcome.userId,
      },
      'request'
    )
  }
}
