import { inject } from '@adonisjs/core'
import app from '@adonisjs/core/services/app'
import emitter from '@adonisjs/core/services/emitter'
import { configProvider } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { Session } from '@adonisjs/session'
import FrameworkSessionMiddleware from '@adonisjs/session/session_middleware'
import type {
  ResolvedSessionConfig,
  SessionStoreContract,
  SessionStoreFactory,
} from '@adonisjs/session/types'

/** A store that remembers nothing: the Store API's sessions live for one request. */
const nowhere: SessionStoreContract = {
  read: () => null,
  write: () => {},
  destroy: () => {},
  touch: () => {},
}

/**
 * The configured store, read-only: a probe carrying an admin's cookie is
 * recognised, but nothing is written, and a store that is down (Redis
 * restarting) reads as no session instead of failing the probe.
 */
function readOnly(store: SessionStoreContract): SessionStoreContract {
  return {
    read: async (sessionId) => {
      try {
        return await store.read(sessionId)
      } catch {
        return null
      }
    },
    write: () => {},
    destroy: () => {},
    touch: () => {},
  }
}

let resolved: Promise<ResolvedSessionConfig> | undefined

/** Paths served to machines holding bearer tokens: the Store API and the metrics scraper. */
function isSessionless(url: string) {
  return url.startsWith('/api/') || url === '/metrics'
}

/**
 * Sessions for pages only. The Store API and /metrics authenticate with
 * bearer tokens, so their requests get an empty session that is never stored
 * (Shield keeps its CSRF secret there for the request) and no session cookie
 * is set. Health probes (/health/*) never create a session either: a load
 * balancer polling every few seconds would fill the store, and liveness must
 * not depend on the session store at all.
 */
@inject()
export default class SessionMiddleware {
  constructor(
    protected sessions: FrameworkSessionMiddleware<Record<string, SessionStoreFactory>>
  ) {}

  async handle(ctx: HttpContext, next: NextFn) {
    const url = ctx.request.url()
    if (isSessionless(url)) return this.#uncommitted(ctx, next, () => nowhere)
    if (url.startsWith('/health/')) {
      const { cookieName } = await this.#config()
      const hasCookie = ctx.request.cookie(cookieName) !== undefined
      return this.#uncommitted(ctx, next, (context, config) =>
        hasCookie ? readOnly(config.stores[config.store](context, config)) : nowhere
      )
    }
    return this.sessions.handle(ctx, next)
  }

  /** A session for this request only: initiated from `store`, never committed. */
  async #uncommitted(
    ctx: HttpContext,
    next: NextFn,
    store: (ctx: HttpContext, config: ResolvedSessionConfig) => SessionStoreContract
  ) {
    const config = await this.#config()
    ctx.session = new Session(config, (context) => store(context, config), emitter, ctx)
    await ctx.session.initiate(false)
    return next()
  }

  #config() {
    resolved ??= configProvider
      .resolve<ResolvedSessionConfig>(app, app.config.get('session'))
      .then((config) => config!)
    return resolved
  }
}
