import type { HttpContext } from '@adonisjs/core/http'
import env from '#start/env'
import { registry } from '#observability/metrics'
import { bearerTokenMatches } from '#observability/bearer_token'

/**
 * GET /metrics in Prometheus's text format, for a scraper holding
 * METRICS_TOKEN. Without a token configured the endpoint does not exist.
 */
export default class MetricsController {
  async show({ request, response }: HttpContext) {
    const token = env.get('METRICS_TOKEN')
    if (!token) return response.notFound('Not found')
    if (!bearerTokenMatches(request.header('authorization'), token.release())) {
      response.header('WWW-Authenticate', 'Bearer')
      return response.unauthorized('Unauthorized')
    }
    response.header('Content-Type', registry.contentType)
    return response.send(await registry.metrics())
  }
}
