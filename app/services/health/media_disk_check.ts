import { randomUUID } from 'node:crypto'
import { BaseCheck, Result } from '@adonisjs/core/health'
import type { HealthCheckResult } from '@adonisjs/core/types/health'
import type { Disk } from '@adonisjs/drive'

/**
 * Checks that media can be stored: writes and removes a small file on the
 * originals disk (private, never served). A read-only mount, a full disk or
 * a bucket with revoked credentials fails here rather than at the next upload.
 */
export class MediaDiskCheck extends BaseCheck {
  name = 'Media disk check'

  constructor(protected disk: () => Disk) {
    super()
  }

  async run(): Promise<HealthCheckResult> {
    const key = `health/${randomUUID()}`
    try {
      const disk = this.disk()
      await disk.put(key, 'ok')
      await disk.delete(key)
      return Result.ok('The media disk accepts files')
    } catch (error) {
      return Result.failed('The media disk does not accept files', error as Error)
    }
  }
}
