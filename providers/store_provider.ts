import type { ApplicationService } from '@adonisjs/core/types'
import { HttpContext, HttpRequest } from '@adonisjs/core/http'
import ShieldMiddleware from '@adonisjs/shield/shield_middleware'
import type { ShieldConfig } from '@adonisjs/shield/types'
import { apiSerializer, type ApiSerializer } from '#api/api_serializer'

/**
 * Wires the store into the framework: the Store API serializer on the HTTP
 * context, the query-string reader listings validate, and the store's saved
 * settings.
 */
export default class StoreProvider {
  constructor(protected app: ApplicationService) {}

  /**
   * @adonisjs/shield binds its middleware per request, and building it
   * re-imports edge.js every time (a loader round trip per request under the
   * TypeScript loader `npm start` uses). It holds no request state, so one
   * instance serves all requests.
   */
  register() {
    this.app.container.singleton(ShieldMiddleware, async () => {
      const config = this.app.config.get<ShieldConfig>('shield', {})
      const encryption = await this.app.container.make('encryption')
      const { default: edge } = await import('edge.js')
      return new ShieldMiddleware(config, encryption.use(), edge)
    })
  }

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

  /**
   * The settings `node ace store:setup` saved win over the environment's,
   * before any page or mail reads them. A database not migrated yet has none.
   * Tests pin their own settings.
   */
  async start() {
    if (this.app.inTest || this.app.getMode() !== 'run') return
    const { savedStoreSettings, applyStoreSettings } = await import('#services/store_settings')
    const settings = await savedStoreSettings()
    if (settings) await applyStoreSettings(this.app, settings)
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
