import { defineConfig } from '@adonisjs/core/bodyparser'
import { randomUUID } from 'node:crypto'
import media from '#config/media'

/**
 * Request body limits. Anything larger is refused with 413 before it reaches
 * a controller.
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
    autoProcess: true,
    convertEmptyStringsToNull: true,
    processManually: [],
    // Room for the largest media upload; config/media.ts checks each file's own limit.
    limit: Math.max(media.limits.imageBytes, media.limits.videoBytes) + 16 * 1024 * 1024,
    // Recognisable in the OS temp directory; the media upload deletes its file when done.
    tmpFileName: () => `jangteo-upload-${randomUUID()}`,
    types: ['multipart/form-data'],
  },
})
