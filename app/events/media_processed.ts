import { MediaEvent } from '#events/subject_events'

/** The pipeline finished a media item's renditions; customers can see it. */
export default class MediaProcessed extends MediaEvent {
  static action = 'media.processed'
}
