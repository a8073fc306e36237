import type { ApplicationService } from '@adonisjs/core/types'
import { HttpContext, HttpRequest } from '@adonisjs/core/http'
import { apiSerializer, type ApiSerializer } from '#api/api_serializer'

/**
 * Wires the store into the framework: the Store API serializer on the HTTP
 * context, and the query-string reader listings validate.
 */
export default class StoreProvider {
  constructor(protected app: ApplicationService) {}

  boot() {
    HttpContext.instanceProperty('serialize', function (this: HttpContext, data: unknown) {
      return apiSerializer.serialize(data, this.containerResolver)
    } as ApiSerializer['serialize'])

    HttpRequest.macro('filledQs', function (this: HttpRequest) {
      return Object.fromEntries(
        Object.entries(this.qs()).filter(([, value]) => value !== '' && value !== null)
      )
    })
  }
}

declare module '@adonisjs/core/http' {
  export interface HttpRequest {
    /**
     * The query string without empty parameters. A GET form sends every
     * field, so `maxPrice=` must mean "no maximum", not a maximum of 0.
     */
    filledQs(): Record<string, any>
  }

  export interface HttpContext {
    /** Serialises transformer output as `{ data }` (and `meta` for pages). */
    serialize: ApiSerializer['serialize']
  }
}
