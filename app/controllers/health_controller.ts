import type { HttpContext } from '@adonisjs/core/http'

export default class HealthController {
  live({ response }: HttpContext) {
    return response.ok({ status: 'ok' })
  }
  ready({ response }: HttpContext) {
    return response.ok({ status: 'ok' })
  }
}
