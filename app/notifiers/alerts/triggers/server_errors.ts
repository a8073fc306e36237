import { createHash } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import type { HttpContext } from '@adonisjs/core/http'
import { raiseAlert } from '#notifiers/alerts/raise_alert'
import { scrub } from '#notifiers/alerts/scrubber'
import type { Alert } from '#notifiers/alerts/alert'

/**
 * The error's message with what varies between occurrences (numbers, ids,
 * quoted values) replaced, so "order 41 not found" and "order 42 not found"
 * count as one problem.
 */
export function messageTemplate(message: string): string {
  return message
    .replace(/(["'`]).*?\1/g, '$1…$1')
    .replace(/\b[0-9a-f]{8}-[0-9a-f-]{27}\b/gi, '<id>')
    .replace(/\b(?:0x)?[0-9a-f]*\d[0-9a-f]*\b/gi, '<n>')
}

/** The first stack frame in the application's own code, as `app/…/file.ts (function)`. */
export function topAppFrame(stack: string | undefined): string {
  const root = fileURLToPath(app.appRoot)
  for (const line of (stack ?? '').split('\n').slice(1)) {
    const match = /at (?:(.+?) \()?(?:file:\/\/)?([^()\s]+?):\d+:\d+\)?$/.exec(line.trim())
    if (!match || !match[2].startsWith(root) || match[2].includes('node_modules')) continue
    const file = match[2].slice(root.length).replace(/^\//, '')
    return match[1] ? `${file} (${match[1].replace(/^async /, '')})` : file
  }
  return '-'
}

/** The alert for a request that failed with a server error: where, never the URL (it may carry keys). */
export function serverErrorAlert(error: unknown, status: number, ctx: HttpContext): Alert {
  const thrown = error instanceof Error ? error : new Error(String(error))
  const message = scrub(thrown.message)
  const frame = topAppFrame(thrown.stack)
  const fingerprint = createHash('sha256')
    .update(`${thrown.name}\n${messageTemplate(message)}\n${frame}`)
    .digest('hex')
    .slice(0, 40)
  return {
    kind: 'server_error',
    fingerprint: `server_error:${fingerprint}`,
    severity: 'critical',
    params: {
      status,
      error: `${thrown.name}: ${message}`.slice(0, 500),
      frame,
      method: ctx.request.method(),
      route: ctx.route?.pattern ?? '(no route)',
    },
  }
}

/**
 * Called from the exception handler's report path for every error: a 5xx
 * raises a deduplicated alert. Not awaited by the request, and its own
 * failure (the database that caused the 5xx may be down) is only logged.
 */
export function alertServerError(error: unknown, ctx: HttpContext): Promise<void> | undefined {
  const status = (error as { status?: unknown })?.status
  const code = typeof status === 'number' ? status : 500
  if (code < 500) return
  return raiseAlert(serverErrorAlert(error, code, ctx)).then(
    () => {},
    (failure) => logger.warn({ err: failure }, 'could not raise the server error alert')
  )
}
