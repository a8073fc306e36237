import { BaseCheck, Result } from '@adonisjs/core/health'
import type { HealthCheckResult } from '@adonisjs/core/types/health'
import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'

/**
 * Checks that the configured session store answers: signing in and carts
 * need it. Stores kept in the process (memory, cookie) always do.
 */
export class SessionStoreCheck extends BaseCheck {
  name = 'Session store check'

  constructor(protected store: string) {
    super()
  }

  async run(): Promise<HealthCheckResult> {
    try {
      if (this.store === 'redis') await redis.connection('main').ping()
      if (this.store === 'database') await db.from('sessions').select('id').limit(1)
      return Result.ok(`The ${this.store} session store is reachable`)
    } catch (error) {
      return Result.failed(`The ${this.store} session store is not reachable`, error as Error)
    }
  }
}
