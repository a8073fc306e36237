import router from '@adonisjs/core/services/router'
import type { HttpContext } from '@adonisjs/core/http'

/** The route label of a request no route answered (404s, static files). */
export const UNMATCHED_ROUTE = 'unmatched'

/**
 * What logs and metrics say about one finished request. The route is the
 * route's pattern (`/orders/:number`), never the URL: ids and order keys
 * travel in paths and query strings, and patterns keep metric labels few.
 */
export interface RequestOutcome {
  method: string
  route: string
  status: number
  ms: number
  requestId: string | null
  userId: number | null
}

/**
 * Describes a request from the `http:request_completed` event, which the
 * HTTP server emits when the response finished, whatever produced it (an
 * exception included), with the time since the request arrived. Costs no
 * database work: the user is the one already authenticated, if any.
 */
export function describeRequest(ctx: HttpContext, duration: [number, number]): RequestOutcome {
  const method = ctx.request.method()
  return {
    method,
    route: routePattern(ctx, method),
    status: ctx.response.getStatus(),
    ms: Math.round((duration[0] * 1e3 + duration[1] / 1e6) * 10) / 10,
    requestId: ctx.request.id() ?? null,
    userId: (ctx.auth?.user as { id?: number } | undefined)?.id ?? null,
  }
}

/**
 * The pattern of the route the request was for. A request answered before
 * routing (a refused body, a server error in a middleware) has no matched
 * route yet: the router is asked, which is a table lookup.
 */
function routePattern(ctx: HttpContext, method: string): string {
  if (ctx.route) return ctx.route.pattern
  const match = router.match(ctx.request.url(), method, false, ctx.request.hostname())
  return match?.route.pattern ?? UNMATCHED_ROUTE
}
