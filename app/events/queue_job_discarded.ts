import { QueueJobEvent } from '#events/queue_job_event'

/** An operator deleted a failed job: it will not run again. */
export default class QueueJobDiscarded extends QueueJobEvent {
  static action = 'queue.job_discarded'
  static outcome = 'discarded'
}
