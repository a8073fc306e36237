import { appendFile, mkdir, open, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import drive from '@adonisjs/drive/services/main'

/** The chain head as it stood at one moment: a row id and that row's hash. */
export interface AuditAnchor {
  eventId: number
  hash: string
  anchoredAt: string
  /**
   * Set on the anchor `node ace db:restore` writes for its own audit event:
   * the backup the log was restored from. See currentAnchors.
   */
  restored?: string
}

/**
 * Where anchors are kept: somewhere the database user cannot rewrite. Both
 * stores only ever add; nothing here updates or deletes an anchor.
 */
export interface AnchorStore {
  append(anchor: AuditAnchor): Promise<void>
  list(): Promise<AuditAnchor[]>
  /** Where anchors go, for messages. */
  readonly location: string
}

/**
 * One JSON line per anchor in a local file opened for appending only, and
 * flushed to disk before the command reports success. Make the file
 * append-only for the database's OS user (`chattr +a`), or keep it on
 * another host's mount.
 */
export class FileAnchorStore implements AnchorStore {
  constructor(readonly location: string) {}

  async append(anchor: AuditAnchor) {
    await mkdir(dirname(this.location), { recursive: true })
    const file = await open(this.location, 'a')
    try {
      await appendFile(file, `${JSON.stringify(anchor)}\n`)
      await file.sync()
    } finally {
      await file.close()
    }
  }

  async list() {
    let text: string
    try {
      text = await readFile(this.location, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
    return text
      .split('\n')
      .filter((line) => line.trim())
      .map((line, index) => parseAnchor(line, `${this.location}:${index + 1}`))
  }
}

/**
 * One object per anchor on a Drive disk (an S3 bucket with object lock and
 * write-only credentials for the shop, say), named by its event id.
 */
export class DiskAnchorStore implements AnchorStore {
  readonly location: string

  constructor(readonly disk: string) {
    this.location = `disk "${disk}" (audit-anchors/)`
  }

  async append(anchor: AuditAnchor) {
    const key = `audit-anchors/${String(anchor.eventId).padStart(12, '0')}-${anchor.hash.slice(0, 16)}.json`
    await drive.use(this.disk).put(key, JSON.stringify(anchor))
  }

  async list() {
    const anchors: AuditAnchor[] = []
    let paginationToken: string | undefined
    do {
      const page = await drive
        .use(this.disk)
        .listAll('audit-anchors', { recursive: true, paginationToken })
      for (const object of page.objects) {
        if (!object.isFile) continue
        anchors.push(parseAnchor(await object.get(), object.key))
      }
      paginationToken = page.paginationToken
    } while (paginationToken)
    return anchors
  }
}

function parseAnchor(text: string, where: string): AuditAnchor {
  try {
    const value = JSON.parse(text)
    if (Number.isSafeInteger(value.eventId) && /^[0-9a-f]{64}$/.test(value.hash)) {
      const anchor: AuditAnchor = {
        eventId: value.eventId,
        hash: value.hash,
        anchoredAt: String(value.anchoredAt),
      }
      if (typeof value.restored === 'string') anchor.restored = value.restored
      return anchor
    }
  } catch {}
  throw new Error(`Unreadable audit anchor at ${where}`)
}

/**
 * The anchors the log must still agree with. A restore replaces the log
 * with an older one: anchors written before it for events at or past its
 * own event belong to the history it replaced, and are set aside. The
 * restore's anchor stays in the store, so restores remain visible.
 */
export function currentAnchors(anchors: AuditAnchor[]): AuditAnchor[] {
  const inOrder = [...anchors].sort((a, b) => a.anchoredAt.localeCompare(b.anchoredAt))
  let current: AuditAnchor[] = []
  for (const anchor of inOrder) {
    if (anchor.restored) current = current.filter((kept) => kept.eventId < anchor.eventId)
    current.push(anchor)
  }
  return current
}

/** The store config/audit.ts names. */
export function anchorStore(config: { store: string; path: string }): AnchorStore {
  return config.store === 'file'
    ? new FileAnchorStore(config.path)
    : new DiskAnchorStore(config.store)
}
