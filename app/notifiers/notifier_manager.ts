import type { AlertsConfig } from '#notifiers/define_config'
import { E_UNKNOWN_NOTIFIER } from '#notifiers/errors'
import type { Notifier } from '#notifiers/types'

/**
 * Resolves the channels registered in config/alerts.ts by name, building
 * each notifier on first use and caching it for the life of the process.
 */
export class NotifierManager {
  #resolved = new Map<string, Notifier>()

  constructor(readonly config: AlertsConfig) {}

  /** The registered channel names; none means alerts are off. */
  channels(): string[] {
    return Object.keys(this.config.channels)
  }

  get enabled(): boolean {
    return this.channels().length > 0
  }

  has(channel: string): boolean {
    return Object.hasOwn(this.config.channels, channel)
  }

  use(channel: string): Notifier {
    const cached = this.#resolved.get(channel)
    if (cached) return cached
    if (!this.has(channel)) throw new E_UNKNOWN_NOTIFIER([channel])
    const notifier = this.config.channels[channel]()
    this.#resolved.set(channel, notifier)
    return notifier
  }
}
