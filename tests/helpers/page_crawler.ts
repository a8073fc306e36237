import router from '@adonisjs/core/services/router'
import type { ApiClient } from '@japa/api-client'
import type User from '#models/user'

/** One page or form answer the crawler saw. */
export interface CrawledPage {
  /** GET path, or `POST <action>` for a form sent empty. */
  url: string
  status: number
  html: string
}

/** Paths the crawler never follows: leaving the session, the API, files and providers. */
const SKIPPED = /^\/(logout|locale|api|media|health|webhooks|dev|css|js|favicon)\b/

/**
 * Walks a signed-in role's pages the way a visitor would: from `starts`,
 * every same-site link (a few per route, so one product stands for all),
 * then every form found on them, sent with only its hidden fields (the
 * refusal or the flash message it answers with). Everything in the visitor's
 * language from `accept-language`.
 */
export async function crawl(
  client: ApiClient,
  options: { starts: string[]; user: User | null; language: string; perRoute?: number }
): Promise<CrawledPage[]> {
  const pages: CrawledPage[] = []
  const perRoute = new Map<string, number>()
  const forms = new Map<string, { action: string; fields: Record<string, string>; from: string }>()
  const queue = [...options.starts]
  const seen = new Set<string>()

  while (queue.length) {
    const url = queue.shift()!
    if (seen.has(url)) continue
    seen.add(url)
    const route = routeOf('GET', url)
    if (!route) continue
    const visits = perRoute.get(route) ?? 0
    if (visits >= (options.perRoute ?? 2)) continue
    perRoute.set(route, visits + 1)

    const request = client.get(url).header('accept-language', options.language)
    const response = await (options.user ? request.loginAs(options.user) : request)
    const html = response.text()
    pages.push({ url, status: response.status(), html })
    for (const link of linksOf(html)) if (!seen.has(link)) queue.push(link)
    for (const form of formsOf(html)) {
      const key = routeOf(spoofedMethod(form.action), form.action)
      if (key && !forms.has(key)) forms.set(key, { ...form, from: url })
    }
  }

  for (const form of forms.values()) {
    const request = client
      .post(form.action)
      .header('accept-language', options.language)
      .header('referer', form.from)
      .form(form.fields)
      .withCsrfToken()
      .redirects(0)
    const response = await (options.user ? request.loginAs(options.user) : request)
    // A refused form answers with a redirect and flash messages: read them from the session.
    const flashed = JSON.stringify(response.flashMessages() ?? {})
    pages.push({
      url: `POST ${form.action}`,
      status: response.status(),
      html: `${response.text()}\n${flashed}`,
    })
  }
  return pages
}

/** The route pattern a path is served by, or null when none (or one the crawler skips). */
function routeOf(method: string, url: string): string | null {
  const path = url.split('?')[0]
  if (SKIPPED.test(path)) return null
  const matched = router.match(path, method, true)
  return matched ? `${method} ${matched.route.pattern}` : null
}

/** The method a form's `?_method=` asks for (AdonisJS method spoofing), else POST. */
function spoofedMethod(action: string) {
  return /[?&]_method=(\w+)/.exec(action)?.[1].toUpperCase() ?? 'POST'
}

function decode(value: string) {
  return value.replaceAll('&amp;', '&').replaceAll('&#x3D;', '=').replaceAll('&#61;', '=')
}

function linksOf(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*\bhref="(\/[^"#]*)"/g)].map(([, href]) => decode(href))
}

function formsOf(html: string) {
  const forms: { action: string; fields: Record<string, string> }[] = []
  for (const [form, attributes] of html.matchAll(/<form\b([^>]*)>[\s\S]*?<\/form>/g)) {
    if (!/method="post"/i.test(attributes)) continue
    const action = /action="(\/[^"]*)"/.exec(attributes)?.[1]
    if (!action) continue
    const fields: Record<string, string> = {}
    for (const [input] of form.matchAll(/<input\b[^>]*type="hidden"[^>]*>/g)) {
      const name = /name="([^"]+)"/.exec(input)?.[1]
      if (name && name !== '_csrf') fields[name] = decode(/value="([^"]*)"/.exec(input)?.[1] ?? '')
    }
    forms.push({ action: decode(action), fields })
  }
  return forms
}

/** What a visitor reads on a page: its text without tags, scripts, styles and code samples. */
export function visibleText(html: string): string {
  return decode(
    html
      .replace(/<(script|style|code|pre)\b[\s\S]*?<\/\1>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
  )
}
