import { inject } from '@adonisjs/core'
import { MEDIA_JOB_OPTIONS, ProcessMediaJob } from '#media/media_job'

/** Transcodes a video to H.264/AAC MP4 (720p, and 1080p from larger sources) with a poster. */
@inject()
export default class ProcessVideo extends ProcessMediaJob {
  static options = { ...MEDIA_JOB_OPTIONS, name: 'ProcessVideo', timeout: '30m' }
}
