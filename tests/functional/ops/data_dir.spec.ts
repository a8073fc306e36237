import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { freePort, runNode, sqliteEnv, startNode } from '#tests/helpers/processes'

/** The production environment of a built app whose data lives in `dataDir`. */
function productionEnv(dataDir: string) {
  const base: Record<string, string> = sqliteEnv('', 'production')
  delete base.SQLITE_PATH
  return { ...base, DATA_DIR: dataDir, LOG_LEVEL: 'info', DRIVE_DISK: 'fs' }
}

test.group('DATA_DIR | data lives outside the code', () => {
  test('production refuses to start without DATA_DIR, naming it', async ({ assert }) => {
    const env: Record<string, string> = sqliteEnv('tmp/never-created.sqlite3', 'production')
    delete env.DATA_DIR
    const result = await runNode(['--import=@poppinss/ts-exec', 'bin/server.ts'], env)
    assert.notEqual(result.code, 0)
    assert.include(result.output, 'Missing environment variable "DATA_DIR"')
  }).timeout(60_000)

  /*
   * The incident: the SQLite file and media lived inside build/, and the
   * next `node ace build` deleted the shop. Built into a scratch folder (the
   * assembler takes its output folder from a tsconfig), run in production
   * from there, then rebuilt and run again.
   */
  test('a rebuild keeps the SQLite data, the media and the backups', async ({
    assert,
    cleanup,
  }) => {
    const id = randomBytes(4).toString('hex')
    const outDir = `tmp/data-dir-build-${id}`
    const tsconfig = `tsconfig.data-dir-${id}.json`
    const build = app.makePath(outDir)
    const dataDir = await mkdtemp(join(tmpdir(), 'jangteo-data-'))
    await writeFile(
      app.makePath(tsconfig),
      JSON.stringify({ extends: './tsconfig.json', compilerOptions: { outDir: `./${outDir}` } })
    )
    cleanup(async () => {
      await rm(app.makePath(tsconfig), { force: true })
      await rm(build, { recursive: true, force: true })
      await rm(dataDir, { recursive: true, force: true })
    })
    const env = productionEnv(dataDir)

    async function buildAndServe() {
      const built = await runNode(
        ['ace', 'build', `--tsconfig=${tsconfig}`],
        sqliteEnv('', 'development'),
        300_000
      )
      assert.equal(built.code, 0, built.output)
      await symlink(app.makePath('node_modules'), join(build, 'node_modules'))
      const migrated = await runNode(['ace', 'migration:run', '--force'], env, 120_000, {
        cwd: build,
      })
      assert.equal(migrated.code, 0, migrated.output)
      const port = await freePort()
      const { process } = await startNode(
        ['bin/server.js'],
        { ...env, PORT: String(port) },
        /started HTTP server on/,
        120_000,
        build
      )
      cleanup(() => process.stop())
      return { process, base: `http://127.0.0.1:${port}` }
    }

    // A photo rendition, where the media pipeline writes them, and a row in
    // the database (the backup's audit event) with a backup beside it.
    const first = await buildAndServe()
    const key = `media/ab/${'ab'.repeat(32)}/${'c'.repeat(12)}/image-640.jpg`
    const photo = randomBytes(2048)
    await mkdir(join(dataDir, 'media/public', key, '..'), { recursive: true })
    await writeFile(join(dataDir, 'media/public', key), photo)
    const backedUp = await runNode(['ace', 'db:backup'], env, 120_000, { cwd: build })
    assert.equal(backedUp.code, 0, backedUp.output)
    assert.include(backedUp.output, join(dataDir, 'backups'))
    const served = await fetch(`${first.base}/media/${key}`)
    assert.equal(served.status, 200)
    await first.process.stop()

    await writeFile(join(build, 'left-by-the-first-build'), '')
    const second = await buildAndServe()
    await assert.rejects(() => readFile(join(build, 'left-by-the-first-build')))

    const again = await fetch(`${second.base}/media/${key}`)
    assert.equal(again.status, 200)
    assert.deepEqual(Buffer.from(await again.arrayBuffer()), photo)
    const verified = await runNode(['ace', 'audit:verify'], env, 120_000, { cwd: build })
    assert.equal(verified.code, 0, verified.output)
    assert.include(verified.output, 'Audit log intact: 1 events verified')
    assert.lengthOf(await readdir(join(dataDir, 'backups')), 1)

    const inside = await runNode(
      ['ace', 'audit:verify'],
      { ...env, DATA_DIR: join(build, 'storage') },
      60_000,
      { cwd: build }
    )
    assert.notEqual(inside.code, 0)
    assert.include(inside.output, 'is inside the build the app runs from')
  }).timeout(900_000)
})
