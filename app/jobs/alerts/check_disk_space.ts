import { statfs } from 'node:fs/promises'
import { dirname } from 'node:path'
import { inject } from '@adonisjs/core'
import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import { NotifierManager } from '#notifiers/notifier_manager'
import { raiseAlert } from '#notifiers/alerts/raise_alert'

/** Free space of the disk holding `path` (or its nearest existing parent: the folder may not exist yet). */
export async function freeSpace(path: string): Promise<{ freeBytes: number; percent: number }> {
  for (let current = path; ; current = dirname(current)) {
    try {
      const stats = await statfs(current)
      const freeBytes = stats.bavail * stats.bsize
      return { freeBytes, percent: (stats.bavail / stats.blocks) * 100 }
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT' || dirname(current) === current)
        throw error
    }
  }
}

/** 12.3 GB / 850 MB, for a person. */
function size(bytes: number): string {
  const gigabytes = bytes / 1024 ** 3
  return gigabytes >= 1 ? `${gigabytes.toFixed(1)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`
}

/**
 * Scheduled (app/jobs/schedules.ts): raises an alert when the disk holding
 * the data directory (config/alerts.ts `disk.path`) has less free space
 * than the threshold. It checks the disk of the process that runs it: with
 * workers on other machines, the web machine's disk is watched by its
 * embedded worker or by running a worker there.
 */
@inject()
export default class CheckDiskSpace extends Job<Record<string, never>> {
  static options: JobOptions = { name: 'CheckDiskSpace', queue: 'default', maxRetries: 0 }

  constructor(protected notifiers: NotifierManager) {
    super()
  }

  async execute() {
    if (!this.notifiers.enabled) return
    const { path, minFreePercent } = this.notifiers.config.disk
    const { freeBytes, percent } = await freeSpace(path)
    if (percent >= minFreePercent) return
    await raiseAlert({
      kind: 'low_disk',
      fingerprint: `low_disk:${path}`,
      severity: 'critical',
      params: {
        path,
        free: Math.round(percent * 10) / 10,
        freeSize: size(freeBytes),
        threshold: minFreePercent,
      },
    })
  }
}
