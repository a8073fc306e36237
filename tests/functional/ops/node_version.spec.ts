import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { stripTypeScriptTypes } from 'node:module'
import { join } from 'node:path'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { runNode, sqliteEnv } from '#tests/helpers/processes'

/** The machine's own Node when it is older than 24 (Debian's is 20), else none. */
function olderNode() {
  const candidate = process.env.OLD_NODE_PATH || '/usr/bin/node'
  if (!existsSync(candidate)) return null
  const version = execFileSync(candidate, ['-p', 'process.versions.node'], { encoding: 'utf8' })
  return Number(version.split('.')[0]) < 24 ? { path: candidate, version: version.trim() } : null
}

const oldNode = olderNode()
const expected = (version: string) =>
  `Jangteo needs Node.js 24 or newer (this is ${version}): run it through \`npm start\``

/**
 * The compiled entry points as `node ace build` writes them into build/bin
 * (tsc only strips types from these files), next to the guard they import.
 */
async function compiledEntryPoints(cleanup: (fn: () => Promise<void>) => void) {
  const dir = await mkdtemp(join(app.tmpPath(), 'node-version-'))
  cleanup(() => rm(dir, { recursive: true, force: true }))
  await mkdir(join(dir, 'bin'))
  await copyFile(app.makePath('bin/node_version.js'), join(dir, 'bin/node_version.js'))
  await writeFile(join(dir, 'package.json'), await readFile(app.makePath('package.json')))
  for (const name of ['server', 'console', 'test']) {
    const source = await readFile(app.makePath(`bin/${name}.ts`), 'utf8')
    await writeFile(join(dir, `bin/${name}.js`), stripTypeScriptTypes(source))
  }
  return dir
}

test.group('Ops | an older Node.js is refused in one line', () => {
  const env = sqliteEnv('tmp/node-version-never-created.sqlite3', 'development')

  for (const [label, args] of [
    ['node ace …', ['ace', 'list']],
    ['node ace test', ['ace', 'test', 'unit']],
    ['npm start (bin/start.js)', ['bin/start.js']],
  ] as const) {
    test(`${label} says to use Node 24 and exits 1`, async ({ assert }) => {
      const result = await runNode([...args], env, 30_000, { node: oldNode!.path })
      assert.equal(result.code, 1, result.output)
      assert.include(result.output, expected(oldNode!.version))
      assert.lengthOf(result.output.trim().split('\n'), 1, result.output)
    })
      .skip(!oldNode, 'no Node.js older than 24 on this machine (set OLD_NODE_PATH)')
      .timeout(40_000)
  }

  test('the compiled bin/server.js, bin/console.js and bin/test.js check before loading AdonisJS', async ({
    assert,
    cleanup,
  }) => {
    const dir = await compiledEntryPoints(cleanup)
    for (const name of ['server', 'console', 'test']) {
      const result = await runNode([join(dir, `bin/${name}.js`)], env, 30_000, {
        node: oldNode!.path,
      })
      assert.equal(result.code, 1, `${name}: ${result.output}`)
      assert.include(result.output, expected(oldNode!.version), name)
      assert.notInclude(result.output, "does not provide an export named 'glob'", name)
    }
  })
    .skip(!oldNode, 'no Node.js older than 24 on this machine (set OLD_NODE_PATH)')
    .timeout(60_000)
})
