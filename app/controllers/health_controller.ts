import type { HttpContext } from '@adonisjs/core/http'
import { healthChecks } from '#start/health'

/** Probes for load balancers and orchestrators. */
export default class HealthController {
  /** The process is up and serving requests. */
  live({ response }: HttpContext) {
    return response.ok({ status: 'ok' })
  }

  /** The process can do real work: its database and queue backend answer. */
  async ready({ response }: HttpContext) {
    const report = await healthChecks.run()
    return report.isHealthy ? response.ok(report) : response.serviceUnavailable(report)
  }
}
