import { MediaEvent } from '#events/subject_events'

/** A seller deleted a photo or video from a product. */
export default class MediaRemoved extends MediaEvent {
  static action = 'media.removed'
}
