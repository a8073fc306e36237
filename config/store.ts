import env from '#start/env'

/**
 * Store-wide settings a shop owner changes by environment: the store's name
 * and the currency prices are entered in (integer minor units of it).
 */
export default {
  name: env.get('STORE_NAME', 'Jangteo'),
  currency: env.get('STORE_CURRENCY', 'KRW'),
  /** Queues the embedded worker (QUEUE_WORKER=embedded) processes. */
  workerQueues: ['default', 'media'],
  catalog: {
    perPage: 24,
    maxPerPage: 100,
  },
}
