/*
 * HTTP rate limits. Failed logins are limited per email and IP in
 * app/services/auth_service.ts; these cap raw request rates per client
 * address (an IPv6 client per /64, see rateLimitSubject). Nothing else in the
 * request picks the key or skips the count.
 */
import limiter from '@adonisjs/limiter/services/main'
import config from '@adonisjs/core/services/config'
import { rateLimitSubject } from '#services/client_address'

/** Sign-up and login form posts, per IP. */
export const authThrottle = limiter.define('auth', (ctx) =>
  limiter
    .allowRequests(20)
    .every('1 minute')
    .usingKey(`auth:${rateLimitSubject(ctx.request.ip())}`)
)

/**
 * Placing orders, per IP: an unpaid order holds stock until it expires, so
 * unlimited checkouts would let one client lock up a shop's inventory. Every
 * request to a route that places orders counts, whatever it carries; the
 * checkout page's "update shipping" button posts to its own route
 * (checkout.quote), which cannot place one.
 */
export const checkoutThrottle = limiter.define('checkout', (ctx) =>
  limiter
    .allowRequests(config.get<number>('store.checkout.rateLimit'))
    .every('10 minutes')
    .usingKey(`checkout:${rateLimitSubject(ctx.request.ip())}`)
)
