import { MediaEvent } from '#events/subject_events'

/** Processing a media item failed for good; the reason is stored on it. */
export default class MediaFailed extends MediaEvent {
  static action = 'media.failed'
}
