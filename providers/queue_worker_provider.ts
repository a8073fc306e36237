import type { ApplicationService } from '@adonisjs/core/types'

export default class QueueWorkerProvider {
  constructor(protected app: ApplicationService) {}
}
