import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { Readable } from 'node:stream'
import router from '@adonisjs/core/services/router'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import uploads, { type UploadRule } from '#config/uploads'
import RequestBodyException from '#exceptions/request_body_exception'
import { discardUnreadBody } from '#middleware/unread_body'

/**
 * Multipart bodies, read only on the routes config/uploads.ts lists and only
 * from a signed-in sender. Any other route answers 415 without keeping the
 * body, so nothing reaches the disk. On an upload route only the listed file
 * fields are written to the temp directory (the first file of each, within
 * its size limit; anything else is skipped unread), and every file written
 * is deleted when the request ends: success, refusal, error or a client that
 * went away. A body refused unread is discarded before the answer
 * (unread_body.ts). (The body parser's own `processManually` cannot do this:
 * it runs as server middleware, before the route is known.)
 */
export default class UploadsMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (ctx.request.bodyType !== 'multipart') return next()
    try {
      return await this.#receive(ctx, next)
    } finally {
      // A body refused unread (or cut short) is taken off the wire before the answer.
      await discardUnreadBody(ctx)
    }
  }

  async #receive(ctx: HttpContext, next: NextFn) {
    const { request } = ctx
    const matched = router.match(
      request.url(),
      request.method(),
      request.parsedUrl.shouldDecodeParam
    )
    // No such page: the router answers 404, and the body is never read.
    if (!matched) return next()
    const rule = matched.route.name ? uploads.routes[matched.route.name] : undefined
    if (!rule) throw new RequestBodyException('E_MULTIPART_NOT_ACCEPTED')
    // Strangers are turned away before their files are read (the route checks the rest).
    await ctx.auth.authenticateUsing([rule.guard], { loginRoute: '/login' })

    const files = new TemporaryFiles()
    try {
      await files.receive(ctx, rule)
      return await next()
    } finally {
      await files.remove()
    }
  }
}

/** The files one request wrote to the temp directory, and how to take them away. */
class TemporaryFiles {
  #paths: string[] = []
  #parts = new Set<Readable>()
  #writes: Promise<unknown>[] = []

  async receive({ request }: HttpContext, rule: UploadRule) {
    const fileBytes = Object.values(rule.files).reduce((sum, size) => sum + size, 0)
    const maxBytes = fileBytes + uploads.overheadBytes
    if (Number(request.header('content-length') ?? 0) > maxBytes) {
      throw new RequestBodyException('E_BODY_TOO_LARGE')
    }
    const multipart = request.multipart
    // Counts what actually arrives, skipped parts included (no Content-Length needed).
    let received = 0
    request.request.on('data', (chunk: Buffer) => {
      received += chunk.length
      if (received > maxBytes) multipart.abort(new RequestBodyException('E_BODY_TOO_LARGE'))
    })
    for (const [field, size] of Object.entries(rule.files)) {
      let taken = false
      multipart.onFile(field, { size }, async (part, reportChunk) => {
        if (taken) {
          part.resume()
          return
        }
        taken = true
        return { tmpPath: await this.#write(part, reportChunk) }
      })
    }
    try {
      // A file over its own size is a field error for the route to report.
      await multipart.process({ limit: maxBytes, maxFields: uploads.maxFields })
    } catch (error) {
      if (error instanceof RequestBodyException) throw error
      const tooLarge = (error as { status?: number }).status === 413
      throw new RequestBodyException(tooLarge ? 'E_BODY_TOO_LARGE' : 'E_MALFORMED_BODY', {
        cause: error,
      })
    }
  }

  /** Waits for writes still running (a part cut short), then deletes every file. */
  async remove() {
    for (const part of this.#parts) part.destroy()
    await Promise.allSettled(this.#writes)
    await Promise.all(this.#paths.map((path) => rm(path, { force: true })))
  }

  async #write(part: Readable, reportChunk: (chunk: Buffer) => void) {
    const path = join(tmpdir(), `jangteo-upload-${randomUUID()}`)
    this.#paths.push(path)
    this.#parts.add(part)
    part.pause()
    part.on('data', reportChunk)
    const write = pipeline(part, createWriteStream(path))
    this.#writes.push(write)
    try {
      await write
    } finally {
      this.#parts.delete(part)
    }
    return path
  }
}
