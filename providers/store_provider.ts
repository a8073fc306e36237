import type { ApplicationService } from '@adonisjs/core/types'

export default class StoreProvider {
  constructor(protected app: ApplicationService) {}
}
