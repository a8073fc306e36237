import { QueueJobEvent } from '#events/queue_job_event'

/** An operator put a failed job back on its queue, with fresh retries. */
export default class QueueJobRetried extends QueueJobEvent {
  static action = 'queue.job_retried'
  static outcome = 'pending'
}
