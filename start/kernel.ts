/*
 * HTTP middleware. The server stack runs for every request, including ones
 * that match no route, so that error pages render with the visitor's
 * language, session and account menu. Named middleware guard route groups.
 */
import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'

server.errorHandler(() => import('#exceptions/handler'))

// Bodies are read after the session, auth and language are set up: a refused
// body gets a proper error page, and an upload's sender is known before its
// files are read. Shield's CSRF check needs the body, so it comes after.
server.use([
  () => import('#middleware/request_id_middleware'),
  () => import('#middleware/container_bindings_middleware'),
  () => import('#middleware/security_headers_middleware'),
  () => import('@adonisjs/static/static_middleware'),
  () => import('#middleware/media_files_middleware'),
  () => import('#middleware/session_middleware'),
  () => import('@adonisjs/auth/initialize_auth_middleware'),
  () => import('#middleware/detect_locale_middleware'),
  () => import('#middleware/body_parser_middleware'),
  () => import('#middleware/uploads_middleware'),
  () => import('@adonisjs/shield/shield_middleware'),
  () => import('#middleware/refuse_nul_characters_middleware'),
  () => import('#middleware/initialize_bouncer_middleware'),
])

router.use([])

export const middleware = router.named({
  auth: () => import('#middleware/auth_middleware'),
  guest: () => import('#middleware/guest_middleware'),
  silentAuth: () => import('#middleware/silent_auth_middleware'),
  authorize: () => import('#middleware/authorize_middleware'),
  sellerCenter: () => import('#middleware/seller_center_middleware'),
})
