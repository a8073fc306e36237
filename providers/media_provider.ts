import type { ApplicationService } from '@adonisjs/core/types'
import { MediaManager } from '#media/media_manager'
import { MediaStorage } from '#media/media_storage'
import type { MediaConfig } from '#media/define_config'

/** Registers the media manager (processors) and media storage from config/media.ts. */
export default class MediaProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    this.app.container.singleton(MediaManager, () => {
      return new MediaManager(this.app.config.get<MediaConfig>('media'))
    })
    this.app.container.singleton(MediaStorage, () => {
      return new MediaStorage(this.app.config.get<MediaConfig>('media'))
    })
  }
}
