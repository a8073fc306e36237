/**
 * Where a media file is in the pipeline. Only `ready` media is shown to
 * customers; sellers see every state live.
 */
export const MediaStatus = {
  Queued: 'queued',
  Processing: 'processing',
  Ready: 'ready',
  Failed: 'failed',
} as const

export type MediaStatus = (typeof MediaStatus)[keyof typeof MediaStatus]

/** States whose job has not finished yet: the seller center keeps polling. */
export const PENDING_MEDIA_STATUSES: MediaStatus[] = [MediaStatus.Queued, MediaStatus.Processing]
