import { MediaEvent } from '#events/subject_events'

/** A seller changed a media item's alt text, cover choice or position. */
export default class MediaUpdated extends MediaEvent {
  static action = 'media.updated'
}
