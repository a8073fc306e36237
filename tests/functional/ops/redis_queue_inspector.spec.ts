import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { createServer } from 'node:net'
import { test } from '@japa/runner'
import { Redis } from 'ioredis'
import { redis as redisAdapter } from '@boringnode/queue/drivers/redis_adapter'
import { RedisQueueInspector } from '#observability/redis_queue_inspector'

/** A free TCP port on this machine. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

/** A private, memory-only redis-server (never the shared one), ready to use. */
async function startRedis() {
  const port = await freePort()
  const server: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'inherit'] }
  )
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start')), 10_000)
    server.stdout!.on('data', (chunk: Buffer) => {
      if (!chunk.toString().includes('Ready to accept connections')) return
      clearTimeout(timer)
      resolve()
    })
    server.on('exit', () => reject(new Error('redis-server exited')))
  })
  const client = new Redis({ port, host: '127.0.0.1' })
  return {
    client,
    async stop() {
      client.disconnect()
      server.kill('SIGTERM')
    },
  }
}

const QUEUE = 'mail'

/**
 * The Redis driver's storage read and changed by the inspector, on a real
 * redis-server with jobs written by @boringnode/queue's own Redis adapter.
 */
test.group('Operations | Redis queue inspector', (group) => {
  let redis: Awaited<ReturnType<typeof startRedis>>
  group.setup(async () => {
    redis = await startRedis()
    return () => redis.stop()
  })
  group.each.setup(async () => {
    await redis.client.flushdb()
  })

  /** A job the adapter ran and failed for good, kept in the failed history. */
  async function failedJob(name = 'SendMail') {
    const adapter = redisAdapter(redis.client)()
    const id = randomUUID()
    await adapter.pushOn(QUEUE, { id, name, payload: { to: 'x@example.com' }, attempts: 0 })
    const acquired = await adapter.popFrom(QUEUE)
    await adapter.retryJob(acquired!.id, QUEUE)
    await adapter.popFrom(QUEUE)
    await adapter.failJob(id, QUEUE, new Error('SMTP said no'), { age: '1d' })
    return { adapter, id }
  }

  test('counts jobs per state, and lists failed jobs without their payload', async ({ assert }) => {
    const { adapter, id } = await failedJob()
    await adapter.pushOn(QUEUE, { id: randomUUID(), name: 'SendMail', payload: {}, attempts: 0 })
    await adapter.pushLaterOn(
      QUEUE,
      { id: randomUUID(), name: 'SendMail', payload: {}, attempts: 0 },
      60_000
    )
    const inspector = new RedisQueueInspector(redis.client)

    const counts = await inspector.counts([QUEUE, 'media'])
    assert.deepEqual(counts[QUEUE], { pending: 1, delayed: 1, active: 0, completed: 0, failed: 1 })
    assert.deepEqual(counts.media, { pending: 0, delayed: 0, active: 0, completed: 0, failed: 0 })

    const [failed] = await inspector.failed([QUEUE, 'media'], 50)
    assert.equal(failed.id, id)
    assert.equal(failed.name, 'SendMail')
    assert.equal(failed.queue, QUEUE)
    assert.equal(failed.attempts, 2)
    assert.equal(failed.error, 'SMTP said no')
    assert.instanceOf(failed.failedAt, Date)
    assert.notInclude(JSON.stringify(failed), 'x@example.com')
  })

  test('retry puts the job back on its queue with fresh attempts; the adapter picks it up', async ({
    assert,
  }) => {
    const { adapter, id } = await failedJob()
    const inspector = new RedisQueueInspector(redis.client)

    const retried = await inspector.retry(QUEUE, id)

    assert.equal(retried?.id, id)
    const counts = await inspector.counts([QUEUE])
    assert.deepInclude(counts[QUEUE], { pending: 1, failed: 0 })
    const again = await adapter.popFrom(QUEUE)
    assert.equal(again?.id, id)
    assert.equal(again?.attempts, 0)
    assert.deepEqual(again?.payload, { to: 'x@example.com' })
    assert.isNull(await inspector.retry(QUEUE, id))
  })

  test('discard deletes the job and its data', async ({ assert }) => {
    const { adapter, id } = await failedJob()
    const inspector = new RedisQueueInspector(redis.client)

    const discarded = await inspector.discard(QUEUE, id)

    assert.equal(discarded?.id, id)
    const counts = await inspector.counts([QUEUE])
    assert.deepInclude(counts[QUEUE], { failed: 0, pending: 0 })
    assert.isNull(await adapter.getJob(id, QUEUE))
    assert.isNull(await inspector.discard(QUEUE, id))
    assert.isNull(await inspector.retry(QUEUE, id))
  })
})
