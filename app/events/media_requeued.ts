import { MediaEvent } from '#events/subject_events'

/** A media item was sent back to the pipeline (retry or regenerate). */
export default class MediaRequeued extends MediaEvent {
  static action = 'media.requeued'
}
