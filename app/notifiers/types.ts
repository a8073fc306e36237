/** How urgent an alert is; messengers show it as a colour or an emoji. */
export type AlertSeverity = 'info' | 'warning' | 'critical'

/**
 * One alert as a messenger shows it: already translated, scrubbed of
 * secrets and short. Drivers only lay it out in their service's format.
 */
export interface NotifierMessage {
  /** One line: what happened, with the store and environment. */
  title: string
  /** A few plain-text lines of detail. */
  text: string
  severity: AlertSeverity
  /** Label/value pairs (count, window, threshold…), shown as a table where the messenger can. */
  fields: { label: string; value: string }[]
  /** The back-office page about it, when there is one. */
  link?: { label: string; url: string }
}

/**
 * A team messenger (Slack, Discord, Teams, a signed webhook…). `send`
 * resolves once the service accepted the message and throws
 * E_NOTIFIER_DELIVERY_FAILED or E_NOTIFIER_RATE_LIMITED otherwise, so the
 * SendAlert job retries it.
 */
export interface Notifier {
  /** The driver's name in logs and errors (never its URL: that is a secret). */
  readonly driver: string
  send(message: NotifierMessage): Promise<void>
}

/** Builds a notifier on first use; options were checked when the config loaded. */
export type NotifierFactory = () => Notifier
