import env from '#start/env'
import { freePort, startNode } from '#tests/helpers/processes'

/** The key prefix of the processes below, in their Redis database 2. */
export const PREFIX = 'blip:'

/** A child process on the suite's own (migrated) database, logging at info. */
export function suiteDatabaseEnv() {
  return {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    DB_CONNECTION: env.get('DB_CONNECTION', 'sqlite'),
    SQLITE_PATH: env.get('SQLITE_PATH') || 'tmp/test.sqlite3',
    DB_HOST: env.get('DB_HOST') ?? '',
    DB_PORT: String(env.get('DB_PORT') ?? ''),
    DB_USER: env.get('DB_USER') ?? '',
    DB_PASSWORD: env.get('DB_PASSWORD') ?? '',
    DB_DATABASE: env.get('DB_DATABASE') ?? '',
  }
}

/**
 * A web process and workers as in production (Redis for the queue, sessions
 * and rate limits; separate `node ace queue:work`), on the suite's own
 * database and a private Redis in database 2 under a prefix of its own.
 */
function productionEnv(redisPort: number, extra: Record<string, string> = {}) {
  return {
    ...suiteDatabaseEnv(),
    QUEUE_DRIVER: 'redis',
    SESSION_DRIVER: 'redis',
    LIMITER_STORE: 'redis',
    QUEUE_WORKER: 'off',
    REDIS_HOST: '127.0.0.1',
    REDIS_PORT: String(redisPort),
    REDIS_DB: '2',
    REDIS_PREFIX: PREFIX,
    ...extra,
  }
}

export async function startWeb(redisPort: number, extra: Record<string, string> = {}) {
  const port = await freePort()
  const { process } = await startNode(
    ['--import=@poppinss/ts-exec', 'bin/server.ts'],
    productionEnv(redisPort, { PORT: String(port), ...extra }),
    /started HTTP server/
  )
  return { process, url: `http://127.0.0.1:${port}` }
}

export function startWorker(redisPort: number, extra: Record<string, string> = {}) {
  return startNode(
    ['ace', 'queue:work', '--queue=default,media'],
    productionEnv(redisPort, extra),
    /Starting worker for queues/
  ).then(({ process }) => process)
}
