import { defineConfig } from '@adonisjs/shield'
import media from '#config/media'
import { cspOrigins } from '#payments/page_origins'

/** Renditions served from a bucket or CDN (S3_PUBLIC_URL) rather than /media. */
const mediaOrigins = /^https?:\/\//.test(media.publicUrl) ? [new URL(media.publicUrl).origin] : []

/**
 * CSRF protection for every form; the JSON API under /api (bearer tokens)
 * and provider webhooks under /webhooks (signatures) are exempt. A strict
 * CSP: our pages load only our own files, product images and videos from
 * the media bucket's public URL, and the browser SDKs of the payment
 * providers that are switched on.
 */
export default defineConfig({
  csp: {
    enabled: true,
    directives: {
      defaultSrc: [`'self'`],
      scriptSrc: [`'self'`, cspOrigins('scripts')],
      frameSrc: [`'self'`, cspOrigins('frames')],
      connectSrc: [`'self'`, cspOrigins('connects')],
      styleSrc: [`'self'`],
      imgSrc: [`'self'`, 'data:', 'blob:', ...mediaOrigins],
      mediaSrc: [`'self'`, 'blob:', ...mediaOrigins],
      objectSrc: [`'none'`],
      frameAncestors: [`'none'`],
      formAction: [`'self'`, cspOrigins('forms')],
    },
    reportOnly: false,
  },
  csrf: {
    enabled: true,
    exceptRoutes: (ctx) => {
      const url = ctx.request.url()
      return url.startsWith('/api/') || url.startsWith('/webhooks/')
    },
    enableXsrfCookie: false,
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  },
  xFrame: { enabled: true, action: 'DENY' },
  hsts: { enabled: true, maxAge: '180 days' },
  // X-Content-Type-Options and Referrer-Policy come from
  // app/middleware/security_headers_middleware.ts, for static files and /media too.
  contentTypeSniffing: { enabled: false },
})
