import { E_NOTIFIER_DELIVERY_FAILED } from '#notifiers/errors'

/** What a messenger answered: enough for a driver to decide, never the URL. */
export interface WebhookAnswer {
  status: number
  headers: Headers
  body: string
}

/**
 * POSTs a body to a webhook with a timeout. A network failure or a timeout
 * becomes E_NOTIFIER_DELIVERY_FAILED naming the driver only: the URL carries
 * the webhook's token and must not reach a log.
 */
export async function postWebhook(
  driver: string,
  url: string,
  body: string,
  options: { headers?: Record<string, string>; timeoutMs: number }
): Promise<WebhookAnswer> {
  let response: Response
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...options.headers },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs),
    })
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? `no answer within ${options.timeoutMs} ms`
        : `the request failed (${(error as { cause?: { code?: string } }).cause?.code ?? 'network error'})`
    throw new E_NOTIFIER_DELIVERY_FAILED([driver, reason])
  }
  return { status: response.status, headers: response.headers, body: await response.text() }
}

/** Checks a webhook URL at boot, so a typo stops the start instead of the first alert. */
export function isWebhookUrl(value: string | undefined): value is string {
  if (!value) return false
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol)
  } catch {
    return false
  }
}

/** A Retry-After header (seconds) in milliseconds, or null. */
export function retryAfterHeader(headers: Headers): number | null {
  const seconds = Number(headers.get('retry-after'))
  return Number.isFinite(seconds) && seconds >= 0 && headers.has('retry-after')
    ? Math.ceil(seconds * 1000)
    : null
}
