import { createServer, type Server } from 'node:http'
import logger from '@adonisjs/core/services/logger'
import type { Secret } from '@adonisjs/core/helpers'
import { registry } from '#observability/metrics'
import { bearerTokenMatches } from '#observability/bearer_token'

/**
 * Serves this process's /metrics on 127.0.0.1:`port`, for processes without
 * the web server (`node ace queue:work`): each worker is a scrape target of
 * its own. The token is required here too. The server does not keep a
 * process alive, so a short ace command started with METRICS_PORT still ends.
 */
export function serveMetrics(port: number, token: Secret<string> | undefined): Server {
  const server = createServer(async (request, response) => {
    if (request.url !== '/metrics' || !token) return response.writeHead(404).end('Not found')
    if (!bearerTokenMatches(request.headers.authorization, token.release())) {
      return response.writeHead(401, { 'WWW-Authenticate': 'Bearer' }).end('Unauthorized')
    }
    const body = await registry.metrics()
    response.writeHead(200, { 'Content-Type': registry.contentType }).end(body)
  })
  server.on('error', (error) => logger.warn({ err: error, port }, 'metrics: cannot listen'))
  server.listen(port, '127.0.0.1')
  server.unref()
  return server
}
