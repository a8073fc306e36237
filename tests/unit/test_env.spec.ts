import { readFile } from 'node:fs/promises'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'

/** The variable names a dotenv-style file sets (`NAME=`) or documents (`# NAME=`). */
async function variablesIn(file: string, { commented }: { commented: boolean }) {
  const text = await readFile(app.makePath(file), 'utf8')
  const pattern = commented ? /^#? ?([A-Z][A-Z0-9_]*)=/gm : /^([A-Z][A-Z0-9_]*)=/gm
  return new Set([...text.matchAll(pattern)].map((match) => match[1]))
}

test.group('Test environment | hermetic', () => {
  test('.env.test pins every variable start/env.ts reads, so .env cannot leak into the suite', async ({
    assert,
  }) => {
    const source = await readFile(app.makePath('start/env.ts'), 'utf8')
    const schema = [...source.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((match) => match[1])
    const pinned = await variablesIn('.env.test', { commented: false })
    assert.isAbove(schema.length, 50)
    assert.deepEqual(
      schema.filter((name) => !pinned.has(name)),
      [],
      'add these to .env.test (empty means the built-in default)'
    )
  })

  test('.env.test pins every variable .env.example documents', async ({ assert }) => {
    const documented = await variablesIn('.env.example', { commented: true })
    const pinned = await variablesIn('.env.test', { commented: false })
    assert.deepEqual(
      [...documented].filter((name) => !pinned.has(name)),
      []
    )
  })
})
