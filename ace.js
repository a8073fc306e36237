/*
 * Ace entry point. It refuses an older Node.js first, then registers the
 * TypeScript loader so that commands can be written in TypeScript, and hands
 * over to bin/console.ts.
 */
import './bin/node_version.js'

await import('@poppinss/ts-exec')
await import('./bin/console.js')
