import { existsSync, mkdirSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import env from '#start/env'
import app from '@adonisjs/core/services/app'

/**
 * The project root, against which relative paths in DATA_DIR, SQLITE_PATH,
 * MEDIA_STORAGE_PATH and AUDIT_ANCHOR_PATH resolve. From source it is the
 * application root; the built app (`node ace build` compiles adonisrc.ts away)
 * runs from build/, which the next build deletes, so there it is the folder
 * holding build/.
 */
const fromBuild = !existsSync(app.makePath('adonisrc.ts'))
const projectRoot = fromBuild ? dirname(fileURLToPath(app.appRoot)) : app.makePath()

/** A path from the environment, made absolute against the project root. */
export function projectPath(path: string) {
  return resolve(projectRoot, path)
}

/**
 * DATA_DIR: the shop's data (the SQLite file, media on the local disk,
 * backups, audit anchors), kept apart from the code so a rebuild or a new
 * release never touches it. `storage/` in the project outside production,
 * where start/env.ts requires it.
 */
const directory = projectPath(env.get('DATA_DIR') || 'storage')

if (fromBuild && !relative(app.makePath(), directory).startsWith('..')) {
  throw new Error(
    `DATA_DIR "${directory}" is inside the build the app runs from, which "node ace build" deletes: ` +
      'set DATA_DIR to a directory outside it (e.g. /var/lib/jangteo)'
  )
}

// Created on first start, so the SQLite file and the media disk have a home.
mkdirSync(directory, { recursive: true })

/** A path under DATA_DIR, unless the variable that overrides it is set. */
export function dataPath(path: string, override?: string) {
  return override ? projectPath(override) : resolve(directory, path)
}

export default { directory }
