import app from '@adonisjs/core/services/app'
import string from '@adonisjs/core/helpers/string'
import { NotifierManager } from '#notifiers/notifier_manager'
import { alertWindows } from '#notifiers/alerts/alert_windows'
import { scrubAlert } from '#notifiers/alerts/scrubber'
import type { Alert } from '#notifiers/alerts/alert'
import SendAlert from '#jobs/alerts/send_alert'
import SummarizeAlerts from '#jobs/alerts/summarize_alerts'

/** What became of a raised alert. */
export type RaiseOutcome = 'queued' | 'counted' | 'off'

/**
 * Raises an alert from any trigger: scrubbed of secrets, deduplicated by
 * fingerprint (the first occurrence in a window is queued to every channel,
 * repeats are counted for the window's summary), and sent by SendAlert jobs,
 * never inside the request or job that noticed the problem.
 */
export async function raiseAlert(alert: Alert): Promise<RaiseOutcome> {
  const notifiers = await app.container.make(NotifierManager)
  if (!notifiers.enabled) return 'off'
  const clean = scrubAlert(alert)
  const windowMs = string.milliseconds.parse(notifiers.config.window)
  if (!(await alertWindows.open(clean, windowMs))) return 'counted'
  for (const channel of notifiers.channels()) await SendAlert.dispatch({ channel, alert: clean })
  await SummarizeAlerts.dispatch({ fingerprint: clean.fingerprint }).in(windowMs)
  return 'queued'
}
