/*
 * What operators see: the access log, job logs and this process's metrics,
 * all fed by two hooks other code may subscribe to as well:
 * - `http:request_completed` (the HTTP server's own event, emitted when a
 *   response finished, with the whole request's duration), described by
 *   #observability/request_outcome;
 * - `queue:job_started` / `queue:job_finished` (#observability/job_lifecycle).
 */
import app from '@adonisjs/core/services/app'
import emitter from '@adonisjs/core/services/emitter'
import logger from '@adonisjs/core/services/logger'
import env from '#start/env'
import OrderPlaced from '#events/order_placed'
import OrderPaid from '#events/order_paid'
import PaymentFailed from '#events/payment_failed'
import MediaFailed from '#events/media_failed'
import { AccessLog } from '#observability/access_log'
import { JobLog } from '#observability/job_log'
import { observeJobLifecycle } from '#observability/job_lifecycle'
import { describeRequest } from '#observability/request_outcome'
import { business, observeJobRun, observeRequest } from '#observability/metrics'
import { serveMetrics } from '#observability/metrics_server'

export const accessLog = new AccessLog(logger)
export const jobLog = new JobLog(logger)

emitter.on('http:request_completed', ({ ctx, duration }) => {
  const outcome = describeRequest(ctx, duration)
  if (env.get('ACCESS_LOG', true)) accessLog.write(outcome)
  observeRequest(outcome)
})

observeJobLifecycle()
emitter.on('queue:job_started', (run) => jobLog.started(run))
emitter.on('queue:job_finished', (run) => {
  jobLog.finished(run)
  observeJobRun(run)
})

emitter.on(OrderPlaced, () => business.ordersPlaced.inc())
emitter.on(OrderPaid, () => business.ordersPaid.inc())
emitter.on(PaymentFailed, (event) =>
  business.paymentFailures.inc({ adapter: event.subject.adapter })
)
emitter.on(MediaFailed, (event) => business.mediaFailures.inc({ kind: event.subject.kind }))

const metricsPort = env.get('METRICS_PORT')
if (metricsPort && !app.inTest) serveMetrics(metricsPort, env.get('METRICS_TOKEN'))
