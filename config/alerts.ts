import env from '#start/env'
import { localMediaRoot } from '#config/drive'
import { defineConfig, drivers } from '#notifiers/define_config'

/**
 * Alerts to the team's messenger. Each channel gets every alert; a channel
 * is on when its URL is set, and with none set alerts are off (said once at
 * boot). A plugin or the shop's own code adds a channel the same way:
 *
 *   pager: () => new MyPagerNotifier({ apiKey: env.get('MY_PAGER_KEY') }),
 */
export default defineConfig({
  channels: {
    ...(env.get('ALERTS_SLACK_URL')
      ? { slack: drivers.slack({ url: env.get('ALERTS_SLACK_URL')?.release() }) }
      : {}),
    ...(env.get('ALERTS_DISCORD_URL')
      ? { discord: drivers.discord({ url: env.get('ALERTS_DISCORD_URL')?.release() }) }
      : {}),
    ...(env.get('ALERTS_TEAMS_URL')
      ? { teams: drivers.teams({ url: env.get('ALERTS_TEAMS_URL')?.release() }) }
      : {}),
    ...(env.get('ALERTS_WEBHOOK_URL')
      ? {
          webhook: drivers.webhook({
            url: env.get('ALERTS_WEBHOOK_URL')?.release(),
            secret: env.get('ALERTS_WEBHOOK_SECRET')?.release(),
          }),
        }
      : {}),
  },
  window: env.get('ALERTS_WINDOW') || '10m',
  perChannelPerMinute: env.get('ALERTS_PER_CHANNEL_PER_MINUTE', 20),
  latency: {
    p95Ms: env.get('ALERTS_LATENCY_P95_MS', 2000),
    eventLoopLagMs: env.get('ALERTS_EVENT_LOOP_LAG_MS', 200),
    forMinutes: env.get('ALERTS_SLOW_FOR_MINUTES', 5),
  },
  queueBacklog: { pending: env.get('ALERTS_QUEUE_BACKLOG', 1000), checkEvery: '5m' },
  // The directory whose disk must not fill up: where the local disk keeps
  // media today (config/drive.ts). Repoint it here when the data moves.
  disk: {
    path: localMediaRoot,
    minFreePercent: env.get('ALERTS_DISK_MIN_FREE_PERCENT', 10),
    checkEvery: '15m',
  },
  webhookSignatures: { failures: env.get('ALERTS_WEBHOOK_SIGNATURE_FAILURES', 10), within: '5m' },
})
