import { MediaRenditionSchema } from '#database/schema'

/** One encoded file of a media item: a width of an image, a video height, a poster size. */
export default class MediaRendition extends MediaRenditionSchema {}
