import type { HttpContext } from '@adonisjs/core/http'
import { healthChecks } from '#start/health'

/**
 * Probes for load balancers and orchestrators. They get the status code and
 * which check failed; the process details (pid, Node version, uptime) and the
 * checks' messages are for a signed-in admin.
 */
export default class HealthController {
  /** The process is up and serving requests. */
  live({ response }: HttpContext) {
    return response.ok({ status: 'ok' })
  }

  /** The process can do real work: its database and queue backend answer. */
  async ready({ auth, response }: HttpContext) {
    const report = await healthChecks.run()
    const body = auth.user?.isAdmin
      ? report
      : {
          isHealthy: report.isHealthy,
          status: report.status,
          checks: report.checks.map(({ name, status }) => ({ name, status })),
        }
    return report.isHealthy ? response.ok(body) : response.serviceUnavailable(body)
  }
}
