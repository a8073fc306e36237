/*
 * Readiness checks served at /health/ready: the database, the queue backend,
 * the session store and the media disk must answer before a load balancer
 * sends traffic here. Liveness (/health/live) checks none of them.
 */
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { HealthChecks } from '@adonisjs/core/health'
import { DbCheck } from '@adonisjs/lucid/database'
import { QueueCheck } from '#services/health/queue_check'
import { SessionStoreCheck } from '#services/health/session_store_check'
import { MediaDiskCheck } from '#services/health/media_disk_check'
import { MediaStorage } from '#media/media_storage'
import env from '#start/env'
import { DEFAULT_SESSION_STORE } from '#config/session'

const media = await app.container.make(MediaStorage)

export const healthChecks = new HealthChecks().register([
  new DbCheck(db.connection()),
  new QueueCheck(await app.container.make('queue.manager')),
  new SessionStoreCheck(env.get('SESSION_DRIVER') ?? DEFAULT_SESSION_STORE),
  new MediaDiskCheck(() => media.originals),
])
