import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type User from '#models/user'
import type Media from '#models/media'

/** A seller member manages only their own seller's media; for anyone else it does not exist. */
export default class MediaPolicy extends BasePolicy {
  manage(user: User, media: Media) {
    if (user.membership?.sellerId === media.sellerId) return true
    return AuthorizationResponse.deny('Media not found', 404)
  }
}
