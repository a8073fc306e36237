import type { HttpContext } from '@adonisjs/core/http'

/** How much of a refused body is read and thrown away before answering. */
const DISCARD_LIMIT_BYTES = 1024 * 1024
/** How long a sender may take to send the rest of a refused body. */
const DISCARD_TIMEOUT_MS = 10_000

/**
 * Reads and throws away what is left of a request body the app answers
 * without reading (no such route, multipart where none is taken, a stranger,
 * a body over its limit). Answering first would close the connection under a
 * sender still writing, who then sees a broken pipe instead of the answer.
 * Up to 1 MB within 10 s is taken; past that the answer is sent with
 * `Connection: close`, so the sender stops and nothing more is read.
 */
export function discardUnreadBody({ request, response }: HttpContext) {
  const incoming = request.request
  if (incoming.complete || incoming.readableEnded || incoming.destroyed) return
  return new Promise<void>((resolve) => {
    let seen = 0
    const finish = (closing: boolean) => {
      clearTimeout(timer)
      incoming.off('data', onData)
      incoming.off('end', onEnd)
      incoming.off('error', onEnd)
      incoming.off('close', onEnd)
      if (closing) {
        incoming.pause()
        response.header('connection', 'close')
      }
      resolve()
    }
    const onData = (chunk: Buffer) => {
      seen += chunk.length
      if (seen > DISCARD_LIMIT_BYTES) finish(true)
    }
    const onEnd = () => finish(false)
    const timer = setTimeout(() => finish(true), DISCARD_TIMEOUT_MS)
    incoming.on('data', onData)
    incoming.once('end', onEnd)
    incoming.once('error', onEnd)
    incoming.once('close', onEnd)
    incoming.resume()
  })
}
