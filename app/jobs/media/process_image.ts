import { inject } from '@adonisjs/core'
import { MEDIA_JOB_OPTIONS, ProcessMediaJob } from '#media/media_job'

/** Makes a photo's responsive renditions (AVIF, WebP, JPEG ladder) and placeholder. */
@inject()
export default class ProcessImage extends ProcessMediaJob {
  static options = { ...MEDIA_JOB_OPTIONS, name: 'ProcessImage' }
}
