/*
 * Readiness checks served at /health/ready: the database and the queue
 * backend must answer before a load balancer sends traffic here.
 */
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { HealthChecks } from '@adonisjs/core/health'
import { DbCheck } from '@adonisjs/lucid/database'
import { QueueCheck } from '#services/health/queue_check'

export const healthChecks = new HealthChecks().register([
  new DbCheck(db.connection()),
  new QueueCheck(await app.container.make('queue.manager')),
])
