import type { ApiClient } from '@japa/api-client'
import User from '#models/user'
import { openApiDocument } from '#api/openapi'
import { validCalls } from '#tests/functional/api/openapi_scenarios'
import type { Body, Target } from './probe.js'

interface Parameter {
  name: string
  in: string
  schema?: { type?: string | string[] }
}

interface Operation {
  operationId: string
  parameters?: Parameter[]
  requestBody?: { content?: Record<string, { schema?: { properties?: object } }> }
}

const SERVER = openApiDocument.servers[0].url

function isInteger(schema?: { type?: string | string[] }) {
  return [schema?.type].flat().some((type) => type === 'integer' || type === 'number')
}

/** Every documented operation, as the OpenAPI document lists it. */
export function apiOperations() {
  return Object.entries(openApiDocument.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Operation>).map(([method, operation]) => ({
      path,
      method,
      operation,
    }))
  )
}

/**
 * A documented operation as a sweep target: its valid call from the
 * conformance scenarios, with every documented parameter and body field
 * (a query parameter the valid call leaves out is sent as "1"; a body field
 * it leaves out is added alone, with the hostile value).
 */
export async function apiTarget(
  client: ApiClient,
  path: string,
  method: string,
  operation: Operation
): Promise<Target> {
  const call = await validCalls[operation.operationId](client)
  const parameters = operation.parameters ?? []
  const pattern = SERVER + path.replace(/\{(\w+)\}/g, ':$1')
  const params = Object.fromEntries(
    [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name, String(call.params?.[name])])
  )
  const numericParams = new Set(
    Object.keys(params).filter((name) => {
      const parameter = parameters.find((entry) => entry.name === name && entry.in === 'path')
      return isInteger(parameter?.schema) || typeof call.params?.[name] === 'number'
    })
  )
  const queryNames = new Set([
    ...parameters.filter((entry) => entry.in === 'query').map((entry) => entry.name),
    ...Object.keys(call.query ?? {}),
  ])
  const query = [...queryNames].map((name): [string, string] => [
    name,
    String(call.query?.[name] ?? '1'),
  ])
  const numericFields = new Set(
    parameters.filter((entry) => entry.in === 'query' && isInteger(entry.schema)).map((e) => e.name)
  )

  const content = operation.requestBody?.content ?? {}
  let body: Body = { kind: 'none' }
  if (call.file) {
    const documented = Object.keys(content['multipart/form-data']?.schema?.properties ?? {})
    const fields = documented
      .filter((name) => name !== 'file')
      .map((name): [string, string] => [name, 'x'])
    body = { kind: 'form', fields, multipart: true, file: call.file }
  } else if (call.body || content['application/json']) {
    const value: Record<string, unknown> = { ...(call.body ?? {}) }
    const documented = Object.keys(content['application/json']?.schema?.properties ?? {})
    body = { kind: 'json', value, absent: documented.filter((name) => !(name in value)) }
  }

  // One token for the whole sweep: signing in per request would add a token row each time.
  const issued = call.as ? await User.accessTokens.create(call.as) : null
  const token = call.token ?? issued?.value!.release() ?? null
  return {
    name: `${method.toUpperCase()} ${pattern}`,
    method: method.toUpperCase(),
    pattern,
    params,
    numericParams,
    query,
    numericFields,
    body,
    prepare: (request) => {
      if (token) request.bearerToken(token)
      if (call.headers) request.headers(call.headers)
      return request
    },
    refused: (response) => response.status() >= 400 && response.status() < 500,
  }
}
