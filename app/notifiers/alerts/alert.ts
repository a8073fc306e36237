import type { AlertSeverity } from '#notifiers/types'

/** What an alert is about; each kind has its title and text in resources/lang/{ko,en}/ops_alerts.json. */
export type AlertKind =
  | 'server_error'
  | 'job_failed'
  | 'payment_held'
  | 'webhook_signatures'
  | 'slow_requests'
  | 'event_loop_lag'
  | 'queue_backlog'
  | 'low_disk'

/**
 * One alert as a trigger raises it: plain JSON (it travels through the
 * queue), translated only when sent, in the store's default language.
 */
export interface Alert {
  kind: AlertKind
  /** Repeats of the same fingerprint within the window are counted, not sent. */
  fingerprint: string
  severity: AlertSeverity
  /** The values the kind's message fills in; scrubbed of secrets before they are stored. */
  params: Record<string, string | number>
  /** Absolute URL of the back-office page about it, when there is one. */
  link?: string
}
