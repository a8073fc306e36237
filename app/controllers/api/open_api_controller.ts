import type { HttpContext } from '@adonisjs/core/http'
import { openApiDocument } from '#api/openapi'

/** Serves the Store API's OpenAPI 3.1 document. */
export default class OpenApiController {
  show({ response }: HttpContext) {
    return response.header('cache-control', 'public, max-age=300').send(openApiDocument)
  }
}
