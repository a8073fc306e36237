import router from '@adonisjs/core/services/router'
import type { ApiClient, ApiRequest, ApiResponse } from '@japa/api-client'
import { formsOf, linksOf } from '#tests/helpers/submitted_forms'
import type { Persona } from './web_world.js'
import type { Body, Target } from './probe.js'

/** A web route: its pattern, methods and which params are numeric (matched as row ids). */
interface WebRoute {
  pattern: string
  methods: string[]
  numericParams: Set<string>
}

/** Pages a persona opens at most, and versions of one route's page (its query strings). */
const MAX_PAGES = 120
const PAGES_PER_ROUTE = 3

/** Every route of the web router: not the Store API (its document drives that sweep). */
export function webRoutes(): WebRoute[] {
  return Object.values(router.toJSON())
    .flat()
    .filter((route) => !route.pattern.startsWith('/api/'))
    .map((route) => ({
      pattern: route.pattern,
      methods: route.methods.filter((method) => method !== 'HEAD'),
      numericParams: new Set(
        Object.entries(route.matchers)
          .filter(([, matcher]) => matcher.match?.test('7') && !matcher.match.test('x'))
          .map(([name]) => name)
      ),
    }))
}

function open(persona: Persona, request: ApiRequest): ApiRequest {
  if (persona.user) request.loginAs(persona.user)
  if (persona.session) request.withSession(persona.session)
  return request
}

/** Whether a page refused the request: a 4xx, or a redirect carrying an error message. */
function pageRefused(response: ApiResponse) {
  const status = response.status()
  if (status >= 400 && status < 500) return true
  if (status < 300 || status >= 400) return false
  const flashed = (response.flashMessages() ?? {}) as Record<string, unknown>
  return ['error', 'errors', 'errorsBag', 'inputErrorsBag'].some((key) => key in flashed)
}

/** A request seen on a page: a link or a form's submission, matched to its route. */
interface Seen {
  persona: Persona
  method: string
  pattern: string
  params: Record<string, string>
  query: [string, string][]
  form: { fields: [string, string][]; multipart: boolean } | null
  numeric: Set<string>
}

function matchRoute(url: URL, method: string) {
  return router.match(url.pathname, method, true)
}

function seen(
  persona: Persona,
  href: string,
  method: string,
  form?: { fields: [string, string][]; multipart: boolean; numeric: Set<string> }
): Seen | null {
  const url = new URL(href, 'http://store.test')
  const spoofed = url.searchParams.get('_method')?.toUpperCase()
  const realMethod = method === 'POST' && spoofed ? spoofed : method
  const matched = matchRoute(url, realMethod)
  if (!matched || matched.route.pattern.startsWith('/api/')) return null
  const query = [...url.searchParams.entries()]
  const onQuery = method === 'GET' && form
  return {
    persona,
    method: realMethod,
    pattern: matched.route.pattern,
    params: Object.fromEntries(
      Object.entries(matched.params).map(([name, value]) => [name, String(value)])
    ),
    query: onQuery ? form.fields : query,
    form: form && !onQuery ? { fields: form.fields, multipart: form.multipart } : null,
    numeric: new Set([
      ...(form?.numeric ?? []),
      ...query.filter(([, value]) => /^-?\d+$/.test(value)).map(([name]) => name),
    ]),
  }
}

/**
 * Opens every page each persona can reach by following links from where it
 * starts, and records every link and form on them. Sign-out is not followed.
 */
export async function crawl(client: ApiClient, personas: Persona[]): Promise<Seen[]> {
  const found: Seen[] = []
  for (const persona of personas) {
    const queue = [...persona.start]
    const visited = new Set<string>()
    const perRoute = new Map<string, number>()
    while (queue.length && visited.size < MAX_PAGES) {
      const href = queue.shift()!
      if (visited.has(href)) continue
      const page = seen(persona, href, 'GET')
      if (!page) continue
      const count = perRoute.get(page.pattern) ?? 0
      if (count >= PAGES_PER_ROUTE) continue
      perRoute.set(page.pattern, count + 1)
      visited.add(href)
      found.push(page)
      const response = await open(persona, client.get(href).redirects(0))
      if (response.status() !== 200) continue
      const html = response.text()
      queue.push(...linksOf(html).filter((link) => !visited.has(link)))
      for (const form of formsOf(html)) {
        const submission = seen(persona, form.action || href, form.method, form)
        if (submission) found.push(submission)
      }
    }
  }
  return found
}

/** Values for params of routes no page links to, by param name. */
const FALLBACK_PARAMS: Record<string, string> = {
  id: '1',
  itemId: '1',
  mediaId: '1',
  sellerOrderId: '1',
  slug: 'no-such-thing',
  number: 'JT0000-0000000',
  scope: 'domestic',
  adapter: 'bank_transfer',
  attemptId: '00000000-0000-4000-8000-000000000000',
  cartId: '00000000-0000-4000-8000-000000000000',
}

/** Who opens a route nobody linked to: by its area. */
function personaFor(pattern: string, personas: Persona[]) {
  const name = pattern.startsWith('/admin')
    ? 'admin'
    : pattern.startsWith('/seller')
      ? 'seller'
      : ['/login', '/signup'].includes(pattern)
        ? 'guest'
        : 'customer'
  return personas.find((persona) => persona.name === name)!
}

/**
 * Fields that carry no data, only say how to read the request: the CSRF
 * token, method spoofing, and which form on the page was sent (so only that
 * form is refilled on a refusal; see components/field.edge).
 */
const PLUMBING = new Set(['_csrf', '_method', 'form'])

function target(route: WebRoute, method: string, request: Seen): Target {
  const fields = request.form?.fields.filter(([name]) => !PLUMBING.has(name))
  const body: Body = request.form
    ? { kind: 'form', fields: fields!, multipart: request.form.multipart }
    : { kind: 'none' }
  return {
    name: `${method} ${route.pattern} (${request.persona.name})`,
    method,
    pattern: route.pattern,
    params: request.params,
    numericParams: new Set([
      ...route.numericParams,
      ...Object.entries(request.params)
        .filter(([, value]) => /^\d+$/.test(value))
        .map(([name]) => name),
    ]),
    query: request.query,
    numericFields: request.numeric,
    fixedQuery: new Set(['_method']),
    body,
    prepare: (outgoing) => {
      open(request.persona, outgoing)
      if (method !== 'GET') outgoing.withCsrfToken()
      return outgoing
    },
    refused: pageRefused,
  }
}

/**
 * One target per web route and method, and one more per distinct form or
 * query a page sent to it: the first request the crawl saw, or for a route
 * no page links to, its area's persona with placeholder params.
 */
export function webTargets(personas: Persona[], requests: Seen[]): Target[] {
  const targets: Target[] = []
  for (const route of webRoutes()) {
    for (const method of route.methods) {
      const mine = requests.filter(
        (request) => request.pattern === route.pattern && request.method === method
      )
      const shapes = new Map<string, Seen>()
      for (const request of mine) {
        // A submit button's value tells submissions of one form apart (intent=quote|place).
        const names = [...request.query, ...(request.form?.fields ?? [])].map(([name, value]) =>
          name === 'intent' ? `${name}=${value}` : name
        )
        const key = `${request.persona.name}|${names.sort().join(',')}`
        if (!shapes.has(key)) shapes.set(key, request)
      }
      if (!shapes.size) {
        const persona = personaFor(route.pattern, personas)
        const params = Object.fromEntries(
          [...route.pattern.matchAll(/:(\w+)/g)].map(([, name]) => [
            name,
            FALLBACK_PARAMS[name] ?? 'x',
          ])
        )
        shapes.set('', {
          persona,
          method,
          pattern: route.pattern,
          params,
          query: [],
          form: null,
          numeric: new Set(),
        })
      }
      for (const request of shapes.values()) targets.push(target(route, method, request))
    }
  }
  return targets
}
