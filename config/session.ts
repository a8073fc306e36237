import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, stores } from '@adonisjs/session'

/**
 * The store a new install runs with. Sessions live on the server (a row per
 * session), so signing out destroys one for good; Redis does the same for
 * several web processes. Tests use the memory store.
 */
export const DEFAULT_SESSION_STORE = 'database'

/**
 * Sessions last two hours without activity. Expired rows are deleted by the
 * database store itself: on 2% of the session writes it removes every
 * expired row (gcProbability); Redis expires them on its own.
 */
export default defineConfig({
  enabled: true,
  cookieName: 'jangteo-session',
  clearWithBrowser: false,
  age: '2h',
  cookie: {
    path: '/',
    httpOnly: true,
    secure: app.inProduction && (env.get('APP_URL') ?? '').startsWith('https://'),
    sameSite: 'lax',
  },
  store: env.get('SESSION_DRIVER') ?? DEFAULT_SESSION_STORE,
  stores: {
    database: stores.database({ tableName: 'sessions', gcProbability: 2 }),
    redis: stores.redis({ connection: 'main' }),
  },
})
