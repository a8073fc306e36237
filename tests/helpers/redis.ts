import { spawn, type ChildProcess } from 'node:child_process'
import type { Redis } from 'ioredis'
import { freePort } from '#tests/helpers/processes'

/**
 * Deletes every key under the connection's key prefix (REDIS_PREFIX) in its
 * database, and nothing else: the suite may share a Redis with other apps.
 * Refuses a connection without a prefix rather than empty a whole database.
 */
export async function deleteKeysUnderPrefix(connection: Redis) {
  const prefix = connection.options.keyPrefix
  if (!prefix)
    throw new Error('Refusing to delete Redis keys without a key prefix: set REDIS_PREFIX')
  // SCAN's pattern and its answers are whole keys; DEL adds the prefix itself.
  const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`
  let cursor = '0'
  do {
    const [next, keys] = await connection.scan(cursor, 'MATCH', pattern, 'COUNT', 500)
    cursor = next
    if (keys.length) await connection.del(...keys.map((key) => key.slice(prefix.length)))
  } while (cursor !== '0')
}

/**
 * A private redis-server on a free port, for tests that stop and restart
 * Redis (never the shared one). Nothing is saved: a restart comes back empty.
 */
export class PrivateRedis {
  #child?: ChildProcess

  private constructor(readonly port: number) {}

  static async start() {
    const redis = new PrivateRedis(await freePort())
    await redis.start()
    return redis
  }

  /** Starts (or starts again) the server and waits until it accepts commands. */
  start() {
    return new Promise<void>((resolve, reject) => {
      const child = spawn('redis-server', [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--daemonize',
        'no',
      ])
      this.#child = child
      let output = ''
      const timer = setTimeout(
        () => reject(new Error(`redis-server did not start:\n${output}`)),
        10_000
      )
      child.stdout!.on('data', (chunk) => {
        output += chunk
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer)
          resolve()
        }
      })
      child.once('error', reject)
      child.once('exit', () => clearTimeout(timer))
    })
  }

  /** Stops the server and waits for it to be gone. */
  async stop() {
    const child = this.#child
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const gone = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGKILL')
    await gone
  }
}
