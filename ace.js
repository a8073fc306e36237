/*
 * Ace entry point. It registers the TypeScript loader so that commands can be
 * written in TypeScript, then hands over to bin/console.ts.
 */
import '@poppinss/ts-exec'

await import('./bin/console.js')
