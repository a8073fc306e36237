import { MediaEvent } from '#events/subject_events'

/** A seller uploaded a photo or video; it waits for processing. */
export default class MediaUploaded extends MediaEvent {
  static action = 'media.uploaded'
}
