import type { ApplicationService } from '@adonisjs/core/types'
import { HttpContext } from '@adonisjs/core/http'
import { apiSerializer, type ApiSerializer } from '#api/api_serializer'

/**
 * Wires the store into the framework: the Store API serializer on the HTTP
 * context.
 */
export default class StoreProvider {
  constructor(protected app: ApplicationService) {}

  boot() {
    HttpContext.instanceProperty('serialize', function (this: HttpContext, data: unknown) {
      return apiSerializer.serialize(data, this.containerResolver)
    } as ApiSerializer['serialize'])
  }
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    /** Serialises transformer output as `{ data }` (and `meta` for pages). */
    serialize: ApiSerializer['serialize']
  }
}
