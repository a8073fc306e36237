import { createHash, createHmac } from 'node:crypto'
import { BaseSchema } from '@adonisjs/lucid/schema'
import env from '#start/env'

const GENESIS_HASH = '0'.repeat(64)

function content(row: Record<string, unknown>) {
  return JSON.stringify([
    Number(row.id),
    row.prev_hash,
    row.occurred_at,
    row.actor_id === null ? null : Number(row.actor_id),
    row.actor_role,
    row.action,
    row.subject_type,
    row.subject_id,
    row.changes,
    row.ip,
    row.user_agent,
    row.request_id,
  ])
}

/**
 * The audit chain becomes keyed: every hash is an HMAC with AUDIT_KEY
 * instead of a plain SHA-256 anyone could recompute. Existing rows are first
 * verified against their plain hashes; an intact log is then re-sealed with
 * the key, row by row, in this migration's transaction. A log that is
 * already broken stops the upgrade (it would be sealed as if intact) unless
 * the operator sets AUDIT_REKEY_BROKEN=true after looking into it.
 */
export default class extends BaseSchema {
  async up() {
    this.defer(async (db) => {
      const key = env.get('AUDIT_KEY').release()
      const rows = await db.from('audit_events').orderBy('id')
      let prevPlain = GENESIS_HASH
      let prevKeyed = GENESIS_HASH
      for (const [index, row] of rows.entries()) {
        const intact =
          Number(row.id) === index + 1 &&
          row.prev_hash === prevPlain &&
          createHash('sha256').update(content(row)).digest('hex') === row.hash
        if (!intact && process.env.AUDIT_REKEY_BROKEN !== 'true') {
          throw new Error(
            `The audit log is already broken at event #${row.id}. Investigate (node ace audit:verify on the previous release), ` +
              'then re-run the migration with AUDIT_REKEY_BROKEN=true to seal the log as it stands.'
          )
        }
        prevPlain = row.hash
        const sealed = { ...row, prev_hash: prevKeyed }
        const hash = createHmac('sha256', key).update(content(sealed)).digest('hex')
        await db.from('audit_events').where('id', row.id).update({ prev_hash: prevKeyed, hash })
        prevKeyed = hash
      }
      if (rows.length) {
        await db.from('audit_chain_heads').where('id', 1).update({ last_hash: prevKeyed })
      }
    })
  }

  async down() {
    // The plain hashes cannot be restored without rewriting the log again; nothing to undo.
  }
}
