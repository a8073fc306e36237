import { inject } from '@adonisjs/core'
import string from '@adonisjs/core/helpers/string'
import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import { NotifierManager } from '#notifiers/notifier_manager'
import { alertWindows } from '#notifiers/alerts/alert_windows'
import SendAlert from '#jobs/alerts/send_alert'

/**
 * Runs when an alert's window ends: the repeats counted meanwhile go out as
 * one "N more in the last 10 min" message and the window starts again; with
 * none, the window closes and the next occurrence is sent at once.
 */
@inject()
export default class SummarizeAlerts extends Job<{ fingerprint: string }> {
  static options: JobOptions = { name: 'SummarizeAlerts', queue: 'default', maxRetries: 3 }

  constructor(protected notifiers: NotifierManager) {
    super()
  }

  async execute() {
    const summary = await alertWindows.close(this.payload.fingerprint)
    if (!summary) return
    for (const channel of this.notifiers.channels()) {
      await SendAlert.dispatch({ channel, alert: summary.alert, repeats: summary.repeats })
    }
    await SummarizeAlerts.dispatch(this.payload).in(
      string.milliseconds.parse(this.notifiers.config.window)
    )
  }
}
