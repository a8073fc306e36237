/*
 * HTTP rate limits. Failed logins are limited per email and IP in
 * app/services/auth_service.ts; these cap raw request rates per IP.
 */
import limiter from '@adonisjs/limiter/services/main'

/** Sign-up and login form posts, per IP. */
export const authThrottle = limiter.define('auth', (ctx) =>
  limiter.allowRequests(20).every('1 minute').usingKey(`auth:${ctx.request.ip()}`)
)
