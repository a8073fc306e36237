import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import type { ApiClient, ApiRequest, ApiResponse } from '@japa/api-client'
import {
  HOSTILE_INTEGERS,
  type Hostile,
  changedTables,
  hostileTexts,
  rowCounts,
} from '#tests/helpers/hostile_input'

/** A JSON body, or form fields (urlencoded or multipart) as a browser sends them. */
export type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown; absent?: string[] }
  | { kind: 'form'; fields: [string, string][]; multipart: boolean; file?: string }

/**
 * One route with a request it accepts (or nearly): the sweep sends it again
 * with one path parameter, query parameter or body field made hostile.
 */
export interface Target {
  /** How findings name it, e.g. "PUT /seller/products/:id (seller)". */
  name: string
  method: string
  pattern: string
  params: Record<string, string>
  numericParams: Set<string>
  query: [string, string][]
  /** Query and form fields that hold numbers. */
  numericFields: Set<string>
  /** Query fields the sweep leaves as they are (`_method`). */
  fixedQuery?: Set<string>
  body: Body
  /** Signs the request in, adds the session, CSRF token and headers it needs. */
  prepare: (request: ApiRequest) => ApiRequest
  /** Whether the response refuses the request (a 4xx; a page may also redirect with an error). */
  refused: (response: ApiResponse) => boolean
}

/** One way to spoil a target's request. */
interface Mutation {
  where: string
  hostile: Hostile
  apply: (parts: Parts) => void
}

interface Parts {
  params: Record<string, string>
  query: [string, string][]
  body: Body
}

const MARK = '__hostile_value__'

/** Every leaf of a JSON value, as paths of keys. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, [...path, index]))
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]))
  }
  return [path]
}

function setAt(target: unknown, path: (string | number)[], value: unknown) {
  let node = target as Record<string | number, unknown>
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  node[path[path.length - 1]] = value
}

/** The hostile values of a URL part or form field, integers only where numbers belong. */
function valuesFor(numeric: boolean, where: 'url' | 'body') {
  return [...(numeric ? HOSTILE_INTEGERS : []), ...hostileTexts(where)]
}

function replaceField(fields: [string, string][], index: number, value: string) {
  return fields.map((field, at): [string, string] => (at === index ? [field[0], value] : field))
}

/** Every single-part spoiling of a target's request. */
export function mutationsOf(target: Target): Mutation[] {
  const found: Mutation[] = []
  for (const name of Object.keys(target.params)) {
    for (const hostile of valuesFor(target.numericParams.has(name), 'url')) {
      found.push({
        where: `path :${name}`,
        hostile,
        apply: (parts) => (parts.params[name] = hostile.text),
      })
    }
  }
  target.query.forEach(([name], index) => {
    if (target.fixedQuery?.has(name)) return
    for (const hostile of valuesFor(target.numericFields.has(name), 'url')) {
      found.push({
        where: `query ${name}`,
        hostile,
        apply: (parts) => (parts.query = replaceField(parts.query, index, hostile.text)),
      })
    }
  })
  const body = target.body
  if (body.kind === 'json') {
    const absent = (body.absent ?? []).map((name) => [name])
    for (const path of [...leaves(body.value), ...absent]) {
      for (const hostile of valuesFor(true, 'body')) {
        found.push({
          where: `body ${path.join('.')}`,
          hostile,
          apply: (parts) => {
            const value = structuredClone(body.value)
            setAt(value, path, MARK)
            parts.body = {
              kind: 'json',
              value: JSON.stringify(value).replace(`"${MARK}"`, hostile.json),
            }
          },
        })
      }
    }
  } else if (body.kind === 'form') {
    body.fields.forEach(([name], index) => {
      for (const hostile of valuesFor(target.numericFields.has(name), 'body')) {
        found.push({
          where: `body ${name}`,
          hostile,
          apply: (parts) =>
            (parts.body = { ...body, fields: replaceField(body.fields, index, hostile.text) }),
        })
      }
    })
  }
  return found
}

/** The URL of a pattern with its params and query. */
function urlOf(pattern: string, params: Record<string, string>, query: [string, string][]) {
  const path = pattern.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name]))
  const search = new URLSearchParams(query).toString()
  return search ? `${path}?${search}` : path
}

function send(client: ApiClient, target: Target, parts: Parts) {
  const request = target.prepare(
    client.request(urlOf(target.pattern, parts.params, parts.query), target.method).redirects(0)
  )
  const body = parts.body
  if (body.kind === 'json') {
    request.unsafeJson(typeof body.value === 'string' ? body.value : JSON.stringify(body.value))
  } else if (body.kind === 'form' && body.multipart) {
    for (const [name, value] of body.fields) request.field(name, value)
    if (body.file) request.file('file', body.file)
  } else if (body.kind === 'form') {
    request.unsafeForm(new URLSearchParams(body.fields).toString())
  }
  return request
}

/** Forgets rate-limit counters, so a 429 never hides what a request would get. */
async function clearRateLimits() {
  const limiter = await app.container.make('limiter.manager')
  await limiter.clear()
}

function shorten(text: string) {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text
}

/**
 * Sends every spoiling of the target and returns what went wrong: a
 * response that did not refuse the request, or rows it added or removed.
 */
export async function sweep(client: ApiClient, target: Target): Promise<string[]> {
  const findings: string[] = []
  const before = await rowCounts()
  for (const mutation of mutationsOf(target)) {
    const parts: Parts = {
      params: { ...target.params },
      query: [...target.query],
      body: target.body,
    }
    mutation.apply(parts)
    await clearRateLimits()
    // On PostgreSQL a failed statement aborts the test's transaction: a 5xx
    // is rolled back to here, so the next request still runs.
    await db.rawQuery('SAVEPOINT hostile_probe')
    const response = await send(client, target, parts)
    if (response.status() >= 500) await db.rawQuery('ROLLBACK TO SAVEPOINT hostile_probe')
    await db.rawQuery('RELEASE SAVEPOINT hostile_probe')
    if (!target.refused(response)) {
      const detail = response.status() >= 500 ? '' : ` ${shorten(response.text())}`
      findings.push(
        `${target.name}: ${mutation.where} = ${mutation.hostile.label} → ${response.status()}${detail}`
      )
    }
  }
  const changed = changedTables(before, await rowCounts())
  if (changed.length) findings.push(`${target.name}: rows changed (${changed.join(', ')})`)
  return findings
}
