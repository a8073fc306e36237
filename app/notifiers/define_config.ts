import string from '@adonisjs/core/helpers/string'
import { E_NOTIFIER_MISCONFIGURED } from '#notifiers/errors'
import type { NotifierFactory } from '#notifiers/types'
import { SlackNotifier } from '#notifiers/drivers/slack_notifier'
import { DiscordNotifier, type DiscordOptions } from '#notifiers/drivers/discord_notifier'
import { TeamsNotifier } from '#notifiers/drivers/teams_notifier'
import {
  SignedWebhookNotifier,
  type SignedWebhookOptions,
} from '#notifiers/drivers/signed_webhook_notifier'
import type { WebhookOptions } from '#notifiers/drivers/options'

/** When each trigger fires; durations are strings such as '10m'. */
export interface AlertThresholds {
  /** Repeats of one alert within this window are counted into one summary. */
  window: string
  /** Most messages per channel per minute, all alerts together. */
  perChannelPerMinute: number
  /** p95 request time (ms) and event-loop delay (ms), sustained for `forMinutes`. */
  latency: { p95Ms: number; eventLoopLagMs: number; forMinutes: number }
  /** Pending jobs on one queue, checked every `checkEvery`. */
  queueBacklog: { pending: number; checkEvery: string }
  /** Free space on the data directory (percent of the disk), checked every `checkEvery`. */
  disk: { path: string; minFreePercent: number; checkEvery: string }
  /** Refused payment webhook signatures from one provider within `within`. */
  webhookSignatures: { failures: number; within: string }
}

/** config/alerts.ts: the messengers every alert goes to, by channel name, and the thresholds. */
export interface AlertsConfig extends AlertThresholds {
  channels: Record<string, NotifierFactory>
}

/**
 * Typed helper for config/alerts.ts. The channels map is the registry: an
 * empty one switches alerts off. Durations and limits are checked now, so a
 * typo stops the start with the key to fix.
 */
export function defineConfig(config: AlertsConfig): AlertsConfig {
  for (const [key, value] of Object.entries({
    'window': config.window,
    'queueBacklog.checkEvery': config.queueBacklog.checkEvery,
    'disk.checkEvery': config.disk.checkEvery,
    'webhookSignatures.within': config.webhookSignatures.within,
  })) {
    let ms = Number.NaN
    try {
      ms = string.milliseconds.parse(value)
    } catch {}
    if (!(ms > 0)) throw new E_NOTIFIER_MISCONFIGURED([`${key} must be a duration such as '10m'`])
  }
  const counts = {
    'perChannelPerMinute': config.perChannelPerMinute,
    'latency.p95Ms': config.latency.p95Ms,
    'latency.eventLoopLagMs': config.latency.eventLoopLagMs,
    'latency.forMinutes': config.latency.forMinutes,
    'queueBacklog.pending': config.queueBacklog.pending,
    'disk.minFreePercent': config.disk.minFreePercent,
    'webhookSignatures.failures': config.webhookSignatures.failures,
  }
  for (const [key, value] of Object.entries(counts)) {
    if (!(value > 0)) throw new E_NOTIFIER_MISCONFIGURED([`${key} must be a positive number`])
  }
  return config
}

/**
 * Factories for the built-in drivers. Options are validated while the config
 * loads; the notifier itself is built on first use.
 */
export const drivers = {
  slack(options: Partial<WebhookOptions>): NotifierFactory {
    const valid = SlackNotifier.validateOptions(options)
    return () => new SlackNotifier(valid)
  },
  discord(options: Partial<DiscordOptions>): NotifierFactory {
    const valid = DiscordNotifier.validateOptions(options)
    return () => new DiscordNotifier(valid)
  },
  teams(options: Partial<WebhookOptions>): NotifierFactory {
    const valid = TeamsNotifier.validateOptions(options)
    return () => new TeamsNotifier(valid)
  },
  webhook(options: Partial<SignedWebhookOptions>): NotifierFactory {
    const valid = SignedWebhookNotifier.validateOptions(options)
    return () => new SignedWebhookNotifier(valid)
  },
}
