import app from '@adonisjs/core/services/app'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'

export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = !app.inProduction
  async handle(error: unknown, ctx: HttpContext) {
    return super.handle(error, ctx)
  }
}
