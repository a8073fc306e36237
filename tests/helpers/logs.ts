import { Logger } from '@adonisjs/core/logger'

/**
 * Points `target.logger` (the access log, the job log) at a logger that keeps
 * every JSON line it writes, at every level, until `restore()`.
 */
export function captureLog(target: { logger: Logger }) {
  const raw: string[] = []
  const original = target.logger
  target.logger = new Logger({
    enabled: true,
    name: 'jangteo',
    level: 'trace',
    destination: { write: (line: string) => raw.push(line) },
  })
  return {
    /** The raw lines, as they would reach stdout. */
    raw,
    /** The lines parsed, optionally only those with this message. */
    lines(msg?: string): Record<string, any>[] {
      const parsed = raw.map((line) => JSON.parse(line))
      return msg ? parsed.filter((line) => line.msg === msg) : parsed
    },
    restore() {
      target.logger = original
    },
  }
}

/** Waits until `check()` holds (listeners run once a response finished, after the client got it). */
export async function eventually(check: () => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for a log line')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
