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

let resolved: Promise<ResolvedSessionConfig> | undefined

/** Paths served to machines holding bearer tokens: the Store API and the metrics scraper. */
function isSessionless(url: string) {
  return url.startsWith('/api/') || url === '/metrics'
}

/**
 * Sessions for pages only. The Store API and /metrics authenticate with
 * bearer tokens, so their requests get an empty session that is never stored
 * (Shield keeps its CSRF secret there for the request) and no session cookie
 * is set.
 */
@inject()
export default class SessionMiddleware {
  constructor(
    protected sessions: FrameworkSessionMiddleware<Record<string, SessionStoreFactory>>
  ) {}

  async handle(ctx: HttpContext, next: NextFn) {
    if (!isSessionless(ctx.request.url())) return this.sessions.handle(ctx, next)
    resolved ??= configProvider
      .resolve<ResolvedSessionConfig>(app, app.config.get('session'))
      .then((config) => config!)
    ctx.session = new Session(await resolved, () => nowhere, emitter, ctx)
    await ctx.session.initiate(false)
    return next()
  }
}
