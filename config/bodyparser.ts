import { defineConfig } from '@adonisjs/core/bodyparser'

/**
 * Request body limits. Anything larger is refused with 413 before it reaches
 * a controller (app/middleware/body_parser_middleware.ts words the refusals).
 */
export default defineConfig({
  allowedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  form: {
    convertEmptyStringsToNull: true,
    types: ['application/x-www-form-urlencoded'],
    limit: '256kb',
  },
  json: {
    convertEmptyStringsToNull: true,
    types: [
      'application/json',
      'application/json-patch+json',
      'application/vnd.api+json',
      'application/csp-report',
    ],
    limit: '256kb',
  },
  multipart: {
    // Never read here: app/middleware/uploads_middleware.ts reads multipart
    // bodies on the upload routes of config/uploads.ts (their own limits),
    // refuses them elsewhere, and deletes every temp file it wrote.
    autoProcess: false,
    convertEmptyStringsToNull: true,
    processManually: [],
    limit: '1mb',
    fieldsLimit: '64kb',
    types: ['multipart/form-data'],
  },
})
