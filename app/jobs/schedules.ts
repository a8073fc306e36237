import config from '@adonisjs/core/services/config'
import string from '@adonisjs/core/helpers/string'
import { Schedule } from '@adonisjs/queue'
import ExpireUnpaidOrders from '#jobs/orders/expire_unpaid_orders'
import AutoConfirmPurchases from '#jobs/orders/auto_confirm_purchases'
import AnchorAuditChain from '#jobs/audit/anchor_audit_chain'
import BackUpDatabase from '#jobs/backups/back_up_database'
import CheckQueueBacklog from '#jobs/alerts/check_queue_backlog'
import CheckDiskSpace from '#jobs/alerts/check_disk_space'

/**
 * The recurring jobs, by stable schedule id, with the config key holding
 * their interval. The ids are what make a restart update the existing
 * schedule instead of adding a second one.
 */
export const SCHEDULES = {
  'orders:expire-unpaid': {
    job: ExpireUnpaidOrders.options.name,
    setting: 'store.orders.expiryCheckEvery',
    schedule: () => ExpireUnpaidOrders.schedule({}),
  },
  'orders:auto-confirm': {
    job: AutoConfirmPurchases.options.name,
    setting: 'store.orders.autoConfirmCheckEvery',
    schedule: () => AutoConfirmPurchases.schedule({}),
  },
  'audit:anchor': {
    job: AnchorAuditChain.options.name,
    setting: 'audit.anchors.every',
    schedule: () => AnchorAuditChain.schedule({}),
  },
  'database:backup': {
    job: BackUpDatabase.options.name,
    setting: 'backups.every',
    schedule: () => BackUpDatabase.schedule({}),
  },
  'alerts:queue-backlog': {
    job: CheckQueueBacklog.options.name,
    setting: 'alerts.queueBacklog.checkEvery',
    schedule: () => CheckQueueBacklog.schedule({}),
  },
  'alerts:disk-space': {
    job: CheckDiskSpace.options.name,
    setting: 'alerts.disk.checkEvery',
    schedule: () => CheckDiskSpace.schedule({}),
  },
} as const

export type ScheduleId = keyof typeof SCHEDULES

/** What registering did to each schedule; `off` when its interval is 'off'. */
export type ScheduleOutcome = 'created' | 'updated' | 'kept' | 'off'

/** A schedule's interval, or null when it is turned off. */
type Interval = { every: string; ms: number } | null

/**
 * The configured intervals, checked: a typo in config fails the start with
 * the key to fix, not silently later. 'off' turns a schedule off.
 */
export function scheduleIntervals(): Record<ScheduleId, Interval> {
  const intervals = {} as Record<ScheduleId, Interval>
  for (const [id, { setting }] of Object.entries(SCHEDULES)) {
    const every = config.get<unknown>(setting)
    if (every === 'off') {
      intervals[id as ScheduleId] = null
      continue
    }
    let ms = Number.NaN
    try {
      ms = typeof every === 'string' ? string.milliseconds.parse(every) : Number.NaN
    } catch {}
    if (!(ms > 0)) {
      throw new Error(
        `Invalid ${setting} ${JSON.stringify(every)} in config/${setting.split('.')[0]}.ts: use a duration such as '1m' or '1h', or 'off'`
      )
    }
    intervals[id as ScheduleId] = { every: every as string, ms }
  }
  return intervals
}

/**
 * Creates the schedules on the default queue adapter, or updates one
 * whose interval changed in config. A schedule already in place is left
 * alone: re-creating it on every boot would push its next run back each
 * time (an hourly job would never run on a server restarted more often) and
 * would resume a schedule an operator paused with the queue commands. A
 * schedule turned off is removed.
 */
export async function registerSchedules(
  intervals = scheduleIntervals()
): Promise<Record<ScheduleId, ScheduleOutcome>> {
  const outcome = {} as Record<ScheduleId, ScheduleOutcome>
  for (const [key, { job, schedule }] of Object.entries(SCHEDULES)) {
    const id = key as ScheduleId
    const existing = await Schedule.find(id)
    const interval = intervals[id]
    if (!interval) {
      await existing?.delete()
      outcome[id] = 'off'
      continue
    }
    const unchanged =
      existing !== null &&
      existing.name === job &&
      existing.everyMs === interval.ms &&
      existing.nextRunAt !== null
    if (unchanged) {
      outcome[id] = 'kept'
      continue
    }
    await schedule().id(id).every(interval.every).run()
    outcome[id] = existing ? 'updated' : 'created'
  }
  return outcome
}
