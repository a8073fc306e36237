import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import NulCharacterException from '#exceptions/nul_character_exception'

/**
 * Where the first NUL character sits in a parsed query or body (keys
 * included), as a dotted path, or null. Walks with its own stack, so deeply
 * nested JSON cannot exhaust the call stack.
 */
export function findNulCharacter(value: unknown, root: string): string | null {
  const pending: [unknown, string][] = [[value, root]]
  while (pending.length) {
    const [current, path] = pending.pop()!
    if (typeof current === 'string') {
      if (current.includes('\0')) return path
    } else if (current && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        const childPath = path ? `${path}.${key}` : key
        if (key.includes('\0')) return childPath
        pending.push([child, childPath])
      }
    }
  }
  return null
}

/**
 * Refuses, with a 400, any request carrying a NUL character in its path,
 * query string, body fields or upload file names. It runs for every request
 * in the server stack (start/kernel.ts), after the body is parsed, so no
 * route, form or validator can forget it: PostgreSQL cannot store NUL in
 * text and answers such a query with an error, SQLite would keep it.
 */
export default class RefuseNulCharactersMiddleware {
  async handle({ request }: HttpContext, next: NextFn) {
    const path = request.url()
    const field =
      (/%00|\0/i.test(path) ? 'path' : null) ??
      findNulCharacter(request.qs(), '') ??
      findNulCharacter(request.body(), '') ??
      findNulCharacter(
        Object.values(request.allFiles())
          .flat()
          .map((file) => file.clientName),
        'file'
      )
    if (field) throw new NulCharacterException(field)
    return next()
  }
}
