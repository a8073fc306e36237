import app from '@adonisjs/core/services/app'
import { configProvider } from '@adonisjs/core'
import { Encryption } from '@adonisjs/core/encryption'
import { CookieClient } from '@adonisjs/core/http'
import SessionMiddleware from '@adonisjs/session/session_middleware'
import type { ResolvedSessionConfig, SessionStoreContract } from '@adonisjs/session/types'
import type { Group } from '@japa/runner/core'
import { serverUrl } from '#tests/helpers/browser'

/** config/session.ts as the session provider resolves it. */
export async function sessionConfig(): Promise<ResolvedSessionConfig> {
  const config = await configProvider.resolve<ResolvedSessionConfig>(app, app.config.get('session'))
  if (!config) throw new Error('config/session.ts must use defineConfig')
  return config
}

/** One of config/session.ts's stores, as a request gets it. */
export async function sessionStore(name: string): Promise<SessionStoreContract> {
  const config = await sessionConfig()
  return config.stores[name](null as never, config)
}

/**
 * Serves the group's requests with session store `store` instead of the
 * test environment's memory store: whether a session can be ended is a
 * property of the store, so it is tested on the real one.
 */
export function useSessionStore(group: Group, store: string) {
  group.setup(async () => {
    const config = await sessionConfig()
    const middleware = new SessionMiddleware(
      { ...config, store },
      await app.container.make('emitter')
    )
    app.container.swap(SessionMiddleware, () => middleware)
    return () => app.container.restore(SessionMiddleware)
  })
}

/**
 * Someone with a browser: a cookie jar of its own, talking HTTP to the test
 * server (no test plugin sets or reads its session). `copy()` is another
 * browser holding the same cookies, the way a stolen cookie is used.
 */
export class Visitor {
  #cookies = new Map<string, string>()

  copy(): Visitor {
    const twin = new Visitor()
    for (const [name, value] of this.#cookies) twin.#cookies.set(name, value)
    return twin
  }

  get(path: string) {
    return this.#send(path, { method: 'GET' })
  }

  /** Opens `page` and submits `fields` to `action` with its CSRF token, as its form would. */
  async submit(page: string, action: string, fields: Record<string, string>) {
    const form = await this.get(page)
    const html = await form.text()
    const csrf = /name='_csrf' value='([^']+)'/.exec(html)?.[1]
    if (!csrf) throw new Error(`No form with a CSRF token on ${page}`)
    return this.#send(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...fields, _csrf: csrf }).toString(),
    })
  }

  /** Signs in through the login form. */
  signIn(email: string, password: string) {
    return this.submit('/login', '/login', { email, password })
  }

  /** Whether the account page opens for this visitor (a signed-out one is sent to /login). */
  async isSignedIn() {
    const response = await this.get('/account')
    if (response.status === 200) return true
    if (response.status === 302 && response.headers.get('location') === '/login') return false
    throw new Error(`Unexpected ${response.status} from /account`)
  }

  /** The id of the session this visitor's cookie points at. */
  async sessionId(cookieName = 'jangteo-session'): Promise<string> {
    const raw = this.#cookies.get(cookieName)
    const cookies = new CookieClient(await app.container.make(Encryption))
    const id = raw ? cookies.parse(cookieName, decodeURIComponent(raw)) : null
    if (typeof id !== 'string') throw new Error('This visitor has no session cookie')
    return id
  }

  async #send(path: string, init: RequestInit) {
    const cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    const response = await fetch(serverUrl() + path, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie },
    })
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';')
      const separator = pair.indexOf('=')
      const name = pair.slice(0, separator).trim()
      const value = pair.slice(separator + 1).trim()
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute))
      if (expired || value === '') this.#cookies.delete(name)
      else this.#cookies.set(name, value)
    }
    return response
  }
}
