import config from '@adonisjs/core/services/config'
import string from '@adonisjs/core/helpers/string'
import { Schedule } from '@adonisjs/queue'
import ExpireUnpaidOrders from '#jobs/orders/expire_unpaid_orders'
import AutoConfirmPurchases from '#jobs/orders/auto_confirm_purchases'

/**
 * The recurring order jobs, by stable schedule id, with the config/store.ts
 * key (under `orders`) holding their interval. The ids are what make a
 * restart update the existing schedule instead of adding a second one.
 */
export const ORDER_SCHEDULES = {
  'orders:expire-unpaid': {
    job: ExpireUnpaidOrders.options.name,
    setting: 'expiryCheckEvery',
    schedule: () => ExpireUnpaidOrders.schedule({}),
  },
  'orders:auto-confirm': {
    job: AutoConfirmPurchases.options.name,
    setting: 'autoConfirmCheckEvery',
    schedule: () => AutoConfirmPurchases.schedule({}),
  },
} as const

export type OrderScheduleId = keyof typeof ORDER_SCHEDULES

/** What registering did to each schedule. */
export type ScheduleOutcome = 'created' | 'updated' | 'kept'

/**
 * The configured intervals, checked: a typo in config/store.ts fails the
 * start with the key to fix, not silently later.
 */
export function orderScheduleIntervals(): Record<OrderScheduleId, { every: string; ms: number }> {
  const settings = config.get<Record<string, unknown>>('store.orders')
  const intervals = {} as Record<OrderScheduleId, { every: string; ms: number }>
  for (const [id, { setting }] of Object.entries(ORDER_SCHEDULES)) {
    const every = settings[setting]
    let ms = Number.NaN
    try {
      ms = typeof every === 'string' ? string.milliseconds.parse(every) : Number.NaN
    } catch {}
    if (!(ms > 0)) {
      throw new Error(
        `Invalid orders.${setting} ${JSON.stringify(every)} in config/store.ts: use a duration such as '1m' or '1h'`
      )
    }
    intervals[id as OrderScheduleId] = { every: every as string, ms }
  }
  return intervals
}

/**
 * Creates the order schedules on the default queue adapter, or updates one
 * whose interval changed in config. A schedule already in place is left
 * alone: re-creating it on every boot would push its next run back each
 * time (an hourly job would never run on a server restarted more often) and
 * would resume a schedule an operator paused with the queue commands.
 */
export async function registerOrderSchedules(
  intervals = orderScheduleIntervals()
): Promise<Record<OrderScheduleId, ScheduleOutcome>> {
  const outcome = {} as Record<OrderScheduleId, ScheduleOutcome>
  for (const [key, { job, schedule }] of Object.entries(ORDER_SCHEDULES)) {
    const id = key as OrderScheduleId
    const existing = await Schedule.find(id)
    const unchanged =
      existing !== null &&
      existing.name === job &&
      existing.everyMs === intervals[id].ms &&
      existing.nextRunAt !== null
    if (unchanged) {
      outcome[id] = 'kept'
      continue
    }
    await schedule().id(id).every(intervals[id].every).run()
    outcome[id] = existing ? 'updated' : 'created'
  }
  return outcome
}
