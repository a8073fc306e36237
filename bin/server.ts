/*
 * Boots the application in the "web" environment and starts the HTTP server.
 * The import settles once the server listens (or failed to start, with
 * process.exitCode set); `listening` then tells where, so bin/start.js
 * announces the address the server really has. The Node.js check comes
 * first; everything else is imported after it.
 */
import './node_version.js'

await import('reflect-metadata')
const { Ignitor, prettyPrintError } = await import('@adonisjs/core')

const APP_ROOT = new URL('../', import.meta.url)

const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

let listened: (address: { host: string; port: number }) => void
export const listening = new Promise<{ host: string; port: number }>((resolve) => {
  listened = resolve
})

await new Ignitor(APP_ROOT, { importer: IMPORTER })
  .tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    app.booted(async () => {
      const { assertSafeForProduction } = await import('#start/production_safeguards')
      await assertSafeForProduction(app)
      const emitter = await app.container.make('emitter')
      emitter.on('http:server_ready', ({ host, port }) => listened({ host, port }))
    })
    app.listen('SIGTERM', () => app.terminate())
    app.listen('SIGINT', () => app.terminate())
  })
  .httpServer()
  .start()
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
  })
