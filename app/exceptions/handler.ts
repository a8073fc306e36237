import app from '@adonisjs/core/services/app'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import type { HttpError, StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'
import { CommerceException } from '#exceptions/commerce_exceptions'
import { isSecretField } from '#audit/change'
import { useVisitorLocale } from '#middleware/detect_locale_middleware'
import { alertServerError } from '#notifiers/alerts/triggers/server_errors'

/** One entry of the Store API's error shape: `{ errors: [{ field?, code, message }] }`. */
export interface ApiError {
  field?: string
  code: string
  message: string
}

/** What a server error says to anyone who may not see its details. */
const SERVER_ERROR = 'Something went wrong on our side'

/**
 * Store API requests (under /api) always get JSON errors in one shape, with
 * field errors for validation. Pages get friendly status pages. The stack
 * of a server error is a development tool: outside production a signed-in
 * admin sees it; nobody else ever does, and a server error's own message
 * never leaves the server (it is logged).
 */
export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = !app.inProduction

  /** Expected client mistakes are not logged; 403 and 429 are, as they can signal probing. */
  protected ignoreStatuses = [400, 401, 404, 409, 415, 422]
  protected renderStatusPages = true

  protected statusPages: Record<StatusPageRange, StatusPageRenderer> = {
    '401..403': (error, { view }) => view.render('pages/errors/forbidden', { error }),
    '404': (error, { view }) => view.render('pages/errors/not_found', { error }),
    '409': (error, { view }) => view.render('pages/errors/conflict', { error }),
    '429': (error, { view }) => view.render('pages/errors/too_many_requests', { error }),
    '500..599': (error, ctx) =>
      this.isDebuggingEnabled(ctx)
        ? this.#stackPage(error, ctx)
        : ctx.view.render('pages/errors/server_error'),
  }

  protected isDebuggingEnabled(ctx: HttpContext) {
    return this.debug && !this.#isApi(ctx) && ctx.auth?.user?.isAdmin === true
  }

  /** A page asking for JSON: a server error says only that it happened. */
  async renderErrorAsJSON(error: HttpError, ctx: HttpContext) {
    if (error.status >= 500 && !this.isDebuggingEnabled(ctx)) {
      return ctx.response.status(error.status).send({ message: SERVER_ERROR })
    }
    return super.renderErrorAsJSON(error, ctx)
  }

  async renderErrorAsJSONAPI(error: HttpError, ctx: HttpContext) {
    if (error.status >= 500 && !this.isDebuggingEnabled(ctx)) {
      return ctx.response.status(error.status).send({ errors: [{ title: SERVER_ERROR }] })
    }
    return super.renderErrorAsJSONAPI(error, ctx)
  }

  /**
   * A refused form goes back with what was typed, minus secrets: the
   * framework keeps only `password` and `password_confirmation` out, and the
   * flashed input is stored with the session (a database row), so current
   * and new passwords and account numbers are dropped here as well.
   */
  async renderValidationErrorAsHTML(error: any, ctx: HttpContext) {
    await super.renderValidationErrorAsHTML(error, ctx)
    const flashed = ctx.session?.responseFlashMessages
    const input = flashed?.get('input')
    if (input && typeof input === 'object') {
      flashed!.set('input', withoutSecrets(input) as Record<string, unknown>)
    }
  }

  /** Logged as usual; a server error also alerts the team (queued, deduplicated, not awaited). */
  async report(error: unknown, ctx: HttpContext) {
    await super.report(error, ctx)
    void alertServerError(error, ctx)
  }

  async handle(error: unknown, ctx: HttpContext) {
    if (this.#isApi(ctx)) return this.#renderApiError(error, ctx)
    // CSRF is checked before the visitor's language is detected: the refusal
    // and the error pages still speak it.
    if (!ctx.i18n) useVisitorLocale(ctx)
    const httpError = this.toHttpError(error)
    // Shield keeps a refused form's input for the next page; a card form's
    // number and CVC must never be kept anywhere.
    if (httpError.code === 'E_BAD_CSRF_TOKEN' && ctx.request.url().startsWith('/payments/')) {
      ctx.session.flash('error', ctx.i18n.t('shop.errors.session_expired'))
      return ctx.response.redirect().back()
    }
    // Denials render the status page (404 for someone else's record) rather
    // than bouncer's plain text or redirect, so nothing hints that it exists.
    if (httpError.code === 'E_AUTHORIZATION_FAILURE') {
      const status = (error as { response?: { status?: number } }).response?.status ?? 403
      return this.renderErrorAsHTML({ ...httpError, status }, ctx)
    }
    return super.handle(error, ctx)
  }

  /** Youch's page: the stack, the source around it and the request. */
  async #stackPage(error: HttpError, ctx: HttpContext) {
    const { Youch } = await import('youch')
    const cspNonce = 'nonce' in ctx.response ? (ctx.response.nonce as string) : undefined
    return new Youch().toHTML(error, { request: ctx.request.request, cspNonce })
  }

  #isApi(ctx: HttpContext) {
    return ctx.request.url().startsWith('/api/')
  }

  #renderApiError(error: unknown, ctx: HttpContext) {
    const httpError = this.toHttpError(error)
    // Bouncer denials carry their own status (404 hides someone else's record).
    const denial = (error as { response?: { status?: number; message?: string } }).response
    const status = denial?.status ?? httpError.status ?? 500
    if (denial?.message) httpError.message = denial.message
    let errors: ApiError[]

    if (error instanceof CommerceException) {
      errors = error.toApiErrors()
    } else if (httpError.code === 'E_VALIDATION_ERROR' && Array.isArray(httpError.messages)) {
      errors = httpError.messages.map(
        (message: { field: string; rule: string; message: string }) => ({
          field: message.field,
          code: message.rule,
          message: message.message,
        })
      )
    } else if (status >= 500) {
      errors = [{ code: 'E_INTERNAL_SERVER_ERROR', message: SERVER_ERROR }]
    } else {
      errors = [{ code: httpError.code ?? `E_HTTP_${status}`, message: httpError.message }]
    }
    // A missing record and someone else's answer alike, so ids cannot be probed.
    if (status === 404 && (denial || httpError.code === 'E_ROW_NOT_FOUND')) {
      errors = [{ code: 'E_NOT_FOUND', message: 'Not found' }]
    }
    // Rate-limit errors carry Retry-After and X-RateLimit-* headers.
    const limited = error as { getDefaultHeaders?: () => Record<string, string | number> }
    for (const [name, value] of Object.entries(limited.getDefaultHeaders?.() ?? {})) {
      ctx.response.header(name, value)
    }
    return ctx.response.status(status).send({ errors })
  }
}

/** The value with every secret field, at any depth, left out. */
function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets)
  if (!value || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !isSecretField(key))
      .map(([key, inner]) => [key, withoutSecrets(inner)])
  )
}
