import { randomUUID } from 'node:crypto'
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** A rendered message as the preview mailer keeps it: what the recipient would have seen. */
export interface MailPreview {
  id: string
  date: string
  from: string | null
  to: string[]
  cc: string[]
  bcc: string[]
  subject: string
  html: string | null
  text: string | null
}

export type MailPreviewSummary = Pick<MailPreview, 'id' | 'date' | 'to' | 'subject'>

export interface MailPreviewStoreConfig {
  /** Absolute path of the folder; created on first write. */
  directory: string
  /** How many of the newest previews to keep; older files are deleted on write. */
  keep: number
}

const ID_PATTERN = /^\d{8}T\d{9}Z-[0-9a-f]{8}$/

/**
 * The folder of JSON previews written by the preview mailer and read by the
 * development mail browser. File names sort by time, newest last, so listing
 * and pruning need no index.
 */
export class MailPreviewStore {
  constructor(readonly config: MailPreviewStoreConfig) {}

  /** A new, time-sortable preview id, e.g. 20261122T101500123Z-1a2b3c4d. */
  static newId(now = new Date()) {
    const stamp = now.toISOString().replace(/[-:.]/g, '')
    return `${stamp}-${randomUUID().slice(0, 8)}`
  }

  async save(preview: MailPreview) {
    await mkdir(this.config.directory, { recursive: true })
    await writeFile(this.#path(preview.id), JSON.stringify(preview, null, 2))
    await this.prune()
  }

  /** Newest first. */
  async list(): Promise<MailPreviewSummary[]> {
    const ids = await this.#ids()
    const previews = await Promise.all(ids.map((id) => this.find(id)))
    return previews
      .filter((preview): preview is MailPreview => preview !== null)
      .map(({ id, date, to, subject }) => ({ id, date, to, subject }))
  }

  /** Null for an unknown or malformed id (never a path outside the folder). */
  async find(id: string): Promise<MailPreview | null> {
    if (!ID_PATTERN.test(id)) return null
    try {
      return JSON.parse(await readFile(this.#path(id), 'utf8')) as MailPreview
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  /** Deletes all but the newest `keep` previews. */
  async prune() {
    const ids = await this.#ids()
    await Promise.all(ids.slice(this.config.keep).map((id) => rm(this.#path(id), { force: true })))
  }

  /** Ids on disk, newest first. */
  async #ids() {
    let names: string[]
    try {
      names = await readdir(this.config.directory)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
    return names
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
      .filter((id) => ID_PATTERN.test(id))
      .sort()
      .reverse()
  }

  #path(id: string) {
    return join(this.config.directory, `${id}.json`)
  }
}
