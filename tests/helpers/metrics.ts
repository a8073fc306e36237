import type { ApiClient } from '@japa/api-client'
import { Secret } from '@adonisjs/core/helpers'
import type { Group } from '@japa/runner/core'
import env from '#start/env'

/** The token the tests scrape with. */
export const METRICS_TOKEN = 'test-metrics-token-0123456789'

/** Opens /metrics with METRICS_TOKEN for the group, and closes it after. */
export function useMetricsToken(group: Group) {
  group.setup(() => {
    env.set('METRICS_TOKEN', new Secret(METRICS_TOKEN))
    return () => env.set('METRICS_TOKEN', undefined)
  })
}

/** GET /metrics as a scraper holding the token. */
export function scrape(client: ApiClient) {
  return client.get('/metrics').bearerToken(METRICS_TOKEN)
}

/** The scraped metrics' text. */
export async function metricsText(client: ApiClient) {
  const response = await scrape(client)
  response.assertStatus(200)
  return response.text()
}

/**
 * The value of one sample in Prometheus's text format: `name` with exactly
 * these labels (in any order), or 0 when the sample is absent.
 */
export function sample(text: string, name: string, labels: Record<string, string> = {}) {
  for (const line of text.split('\n')) {
    const match = line.match(/^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/)
    if (!match || match[1] !== name) continue
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [
        key,
        value,
      ])
    )
    const wanted = Object.entries(labels)
    if (wanted.length === Object.keys(found).length && wanted.every(([k, v]) => found[k] === v)) {
      return Number(match[3])
    }
  }
  return 0
}
