import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Headers every response carries, static files and /media included (they are
 * served before Shield runs): no referrer beyond our origin leaves the site,
 * since order pages carry their access key in the URL, and no content-type
 * sniffing of what we serve.
 */
export default class SecurityHeadersMiddleware {
  handle({ response }: HttpContext, next: NextFn) {
    response.header('Referrer-Policy', 'strict-origin-when-cross-origin')
    response.header('X-Content-Type-Options', 'nosniff')
    return next()
  }
}
