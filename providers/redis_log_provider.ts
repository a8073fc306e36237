import type { ApplicationService } from '@adonisjs/core/types'
import type { Logger } from '@adonisjs/core/logger'
import type { Connection } from '@adonisjs/redis/types'

/**
 * Logs a Redis outage once, when the connection is lost and when it is back,
 * instead of @adonisjs/redis' FATAL line with a stack trace on every
 * reconnection attempt (dozens a minute, none of them fatal: the connection
 * keeps retrying, see config/redis.ts).
 */
export default class RedisLogProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    if (!this.app.config.has('redis')) return
    const logger = await this.app.container.make('logger')
    const redis = await this.app.container.make('redis')
    redis.doNotLogErrors()
    for (const connection of Object.values(redis.activeConnections)) report(connection, logger)
    redis.on('connection', (connection) => report(connection, logger))
  }
}

function report(connection: Connection, logger: Logger) {
  let lost = false
  connection.on('error', ({ error }) => {
    if (lost) return
    lost = true
    logger.error(
      { err: error },
      'Redis connection "%s" lost: reconnecting until it is back',
      connection.connectionName
    )
  })
  connection.on('ready', () => {
    if (!lost) return
    lost = false
    logger.info('Redis connection "%s" is back', connection.connectionName)
  })
}
