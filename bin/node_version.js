/*
 * Refuses an older Node.js in one line that says what to do, before anything
 * that would crash on it is loaded. Plain JavaScript that imports nothing, so
 * any Node can read it: every entry point imports it first and loads the rest
 * with dynamic imports (static imports are linked before any code runs).
 */
const REQUIRED = 24
const current = process.versions.node

if (Number(current.split('.')[0]) < REQUIRED) {
  process.stderr.write(
    `Jangteo needs Node.js ${REQUIRED} or newer (this is ${current}): run it through \`npm start\` ` +
      `or \`npx node …\` (both use the Node ${REQUIRED} that npm installs in node_modules), or install Node ${REQUIRED}.\n`
  )
  process.exit(1)
}
