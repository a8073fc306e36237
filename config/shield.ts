import { defineConfig } from '@adonisjs/shield'
import { cspOrigins } from '#payments/page_origins'

/**
 * CSRF protection for every form; the JSON API under /api (bearer tokens)
 * and provider webhooks under /webhooks (signatures) are exempt. A strict CSP: our pages load only our own files, plus
 * the browser SDKs of the payment providers that are switched on.
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
      imgSrc: [`'self'`, 'data:', 'blob:'],
      mediaSrc: [`'self'`, 'blob:'],
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
