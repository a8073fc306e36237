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
