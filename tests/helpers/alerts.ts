import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import type { Group } from '@japa/runner/core'
import { defineConfig, drivers, type AlertsConfig } from '#notifiers/define_config'
import { NotifierManager } from '#notifiers/notifier_manager'
import { SlackWebhookServer } from '#tests/fixtures/servers/slack_webhook_server'

/**
 * Sends the group's alerts to a local Slack webhook (alerts are off in
 * .env.test), with `thresholds` over config/alerts.ts's. Returns the server,
 * started before each test and closed after it.
 */
export function alertsToLocalSlack(
  group: Group,
  thresholds: () => Partial<Omit<AlertsConfig, 'channels'>> = () => ({})
) {
  const handle = { slack: new SlackWebhookServer() }
  group.each.setup(async () => {
    handle.slack = await new SlackWebhookServer().start()
    const manager = new NotifierManager(
      defineConfig({
        ...app.config.get<AlertsConfig>('alerts'),
        ...thresholds(),
        channels: { slack: drivers.slack({ url: handle.slack.url }) },
      })
    )
    app.container.swap(NotifierManager, () => manager)
    return async () => {
      app.container.restore(NotifierManager)
      await handle.slack.close()
    }
  })
  return handle
}

/** The open alert windows, oldest first. */
export async function alertWindowRows() {
  return db.from('alert_windows').orderBy('id')
}

/** Repeats counted in the oldest open window (undefined when none is open). */
export async function firstWindowRepeats(): Promise<number | undefined> {
  const [row] = await alertWindowRows()
  return row ? Number(row.repeats) : undefined
}

/** Waits (up to 5 s) for `done`, for work a request started without awaiting it. */
export async function eventually(done: () => Promise<boolean>, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('The condition did not hold in time')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Whether no job waits or runs on the default queue (delayed ones, like window summaries, aside). */
export async function defaultQueueIdle(): Promise<boolean> {
  const [row] = await db
    .from('queue_jobs')
    .where('queue', 'default')
    .whereIn('status', ['pending', 'active'])
    .count('* as total')
  return Number(row.total) === 0
}
