import env from '#start/env'
import { dataPath } from '#config/data'

/**
 * The audit log's tamper evidence. `key` (AUDIT_KEY) keys the hash chain: it
 * lives outside the database, so someone who can write to the database
 * cannot recompute a valid chain. Anchors record the chain head (id, hash,
 * time) where the database user cannot rewrite it: an append-only file by
 * default, or a Drive disk (an S3 bucket with object lock, say).
 */
export default {
  key: env.get('AUDIT_KEY'),
  anchors: {
    /** `file` appends a line per anchor to `path`; a disk name writes one object per anchor. */
    store: env.get('AUDIT_ANCHOR_DISK') ?? 'file',
    path: dataPath('audit/anchors.jsonl', env.get('AUDIT_ANCHOR_PATH')),
    /** How often the scheduled job anchors the head (a duration: '1h', '15m'). */
    every: env.get('AUDIT_ANCHOR_EVERY', '1h'),
  },
}
