import { inject } from '@adonisjs/core'
import { Job, exponentialBackoff } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import { MediaPipeline } from '#media/media_pipeline'

export interface ProcessMediaPayload {
  mediaId: number
  /** Re-make renditions even when they match the current presets. */
  force?: boolean
}

/** Retries for transient errors (storage or database down); bad files fail at once. */
export const MEDIA_JOB_OPTIONS: JobOptions = {
  queue: 'media',
  maxRetries: 4,
  retry: { backoff: exponentialBackoff({ baseDelay: '5s', maxDelay: '5m' }) },
  timeout: '15m',
}

/**
 * Shared body of the image and video jobs: run the pipeline; when every
 * retry is spent, store the last error on the media so the seller sees why.
 */
@inject()
export abstract class ProcessMediaJob extends Job<ProcessMediaPayload> {
  constructor(protected pipeline: MediaPipeline) {
    super()
  }

  async execute() {
    await this.pipeline.process(this.payload.mediaId, { force: this.payload.force })
  }

  async failed(error: Error) {
    await this.pipeline.fail(
      this.payload.mediaId,
      `Processing failed after ${this.context.attempt} attempts: ${error.message}`
    )
  }
}
