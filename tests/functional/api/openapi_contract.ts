import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import type { ApiClient } from '@japa/api-client'

/** The parts of an OpenAPI operation the conformance tests read. */
export interface Operation {
  operationId: string
  requestBody?: { content?: Record<string, unknown> }
  responses: Record<string, { content?: object }>
}

/** The parts of the OpenAPI document the conformance tests read. */
export interface OpenApiDocument {
  servers: { url: string }[]
  paths: Record<string, Record<string, Operation>>
}

const DOCUMENT_ID = 'https://jangteo.test/openapi.json'

/** RFC 3339 date-times, as `DateTime#toISO()` and `Date#toISOString()` write them. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i

/** Where the JSON schema of a request or response body sits below it. */
const JSON_SCHEMA = ['content', 'application/json', 'schema']

/**
 * The served OpenAPI document with JSON Schema validators for its request
 * bodies and responses. The whole document is registered with Ajv, so
 * `#/components/schemas/*` references resolve where they are written.
 */
export class Contract {
  #ajv = new Ajv2020({ allErrors: true })

  constructor(readonly document: OpenApiDocument) {
    this.#ajv.addVocabulary(['openapi', 'info', 'servers', 'components', 'paths'])
    this.#ajv.addFormat(
      'date-time',
      (value: string) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))
    )
    this.#ajv.addFormat('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/)
    this.#ajv.addSchema(document, DOCUMENT_ID)
  }

  /** Every documented operation, with its path and lower-case method. */
  operations() {
    return Object.entries(this.document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation }))
    )
  }

  operation(operationId: string) {
    const found = this.operations().find((entry) => entry.operation.operationId === operationId)
    if (!found) throw new Error(`The document has no operation "${operationId}"`)
    return found
  }

  /** The validator of the JSON body documented for `status`, or null when none is. */
  responseValidator(path: string, method: string, status: number): ValidateFunction | null {
    const response = this.document.paths[path][method].responses[String(status)]
    if (!response?.content) return null
    return this.#compile('paths', path, method, 'responses', String(status), ...JSON_SCHEMA)
  }

  /** The validator of the documented JSON request body, or null when none is (or it is multipart). */
  requestValidator(path: string, method: string): ValidateFunction | null {
    if (!this.document.paths[path][method].requestBody?.content?.['application/json']) return null
    return this.#compile('paths', path, method, 'requestBody', ...JSON_SCHEMA)
  }

  /** Ajv's errors, readable in an assertion message. */
  errorsText(validate: ValidateFunction) {
    return this.#ajv.errorsText(validate.errors, { separator: '\n' })
  }

  /** Compiles the schema at `segments` inside the document (a JSON pointer, escaped here). */
  #compile(...segments: string[]) {
    const pointer = segments
      .map((segment) => segment.replaceAll('~', '~0').replaceAll('/', '~1'))
      .join('/')
    return this.#ajv.compile({ $ref: `${DOCUMENT_ID}#/${pointer}` })
  }
}

/** Fetches the document the API serves, as a client would. */
export async function fetchContract(client: ApiClient) {
  const response = await client.get('/api/v1/openapi.json')
  response.assertStatus(200)
  return new Contract(response.body())
}

/** The AdonisJS route pattern of a documented path: `{slug}` becomes `:slug`. */
export function routePattern(serverUrl: string, path: string) {
  return serverUrl + path.replace(/\{(\w+)\}/g, ':$1')
}
