import { createHash } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import ace from '@adonisjs/core/services/ace'
import config from '@adonisjs/core/services/config'
import db from '@adonisjs/lucid/services/db'
import AuditEvent from '#models/audit_event'
import { appendAuditEntry, chainedContent, GENESIS_HASH, hashRow } from '#audit/audit_log'
import { verifyAuditChain } from '#audit/chain_verifier'
import { FileAnchorStore } from '#audit/anchors'
import { anchorAuditChain } from '#audit/anchoring'
import { changeBetween } from '#audit/change'
import { SYSTEM_ACTOR } from '#audit/actor'

const meta = { ip: '203.0.113.7', userAgent: 'test-agent', requestId: 'req-1' }

async function appendThree() {
  for (const [index, price] of [100, 200, 300].entries()) {
    await db.transaction((trx) =>
      appendAuditEntry(
        trx,
        {
          action: 'product.updated',
          actor: { userId: 7, role: 'seller' },
          subjectType: 'product',
          subjectId: index + 1,
          change: changeBetween({ price: 0 }, { price }),
        },
        meta
      )
    )
  }
}

/** An anchor file of the test's own, set as the configured store; removed afterwards. */
async function anchorFile(cleanup: (fn: () => Promise<void> | void) => void) {
  const folder = await mkdtemp(join(tmpdir(), 'jangteo-anchors-'))
  const path = join(folder, 'anchors.jsonl')
  const previous = config.get('audit.anchors')
  config.set('audit.anchors', { ...(previous as object), store: 'file', path })
  cleanup(async () => {
    config.set('audit.anchors', previous)
    await rm(folder, { recursive: true, force: true })
  })
  return new FileAnchorStore(path)
}

/** The hash someone with write access to the database but not AUDIT_KEY can compute. */
const plainSha = (row: AuditEvent) => createHash('sha256').update(chainedContent(row)).digest('hex')

/**
 * Rewriting history: change one row, then recompute it and every later row
 * with `seal`, relink them and move the chain head.
 */
async function rewriteChain(fromId: number, changes: string, seal: (row: AuditEvent) => string) {
  const rows = await AuditEvent.query().where('id', '>=', fromId).orderBy('id')
  const before = await AuditEvent.find(fromId - 1)
  let prevHash = before?.hash ?? GENESIS_HASH
  for (const row of rows) {
    if (row.id === fromId) row.changes = changes
    row.prevHash = prevHash
    row.hash = seal(row)
    await db
      .from('audit_events')
      .where('id', row.id)
      .update({ changes: row.changes, prev_hash: row.prevHash, hash: row.hash })
    prevHash = row.hash
  }
  await db.from('audit_chain_heads').where('id', 1).update({ last_hash: prevHash })
}

test.group('Audit log | hash chain', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('chains each row to the one before it, with gapless ids', async ({ assert }) => {
    await appendThree()
    const rows = await db.from('audit_events').orderBy('id')
    assert.deepEqual(
      rows.map((row) => row.id),
      [1, 2, 3]
    )
    assert.equal(rows[0].prev_hash, GENESIS_HASH)
    assert.equal(rows[1].prev_hash, rows[0].hash)
    assert.equal(rows[2].prev_hash, rows[1].hash)
    assert.equal(rows[0].ip, '203.0.113.7')
    assert.deepEqual(JSON.parse(rows[2].changes), { before: { price: 0 }, after: { price: 300 } })
    assert.containsSubset(await verifyAuditChain(), {
      ok: true,
      rows: 3,
      head: { eventId: 3, hash: rows[2].hash },
    })
  })

  test('an empty log verifies', async ({ assert }) => {
    assert.deepEqual(await verifyAuditChain(), { ok: true, rows: 0, head: null })
  })

  test('hashes are keyed with AUDIT_KEY: the same row hashes differently under another key', async ({
    assert,
  }) => {
    await appendThree()
    const row = await AuditEvent.findOrFail(1)
    assert.equal(hashRow(row), row.hash)
    assert.notEqual(hashRow(row, 'another-key-another-key-another-key'), row.hash)
  })

  test('detects a row rewritten and the chain recomputed with plain SHA-256', async ({
    assert,
  }) => {
    await appendThree()
    await rewriteChain(2, '{"after":{"price":1},"before":{"price":0}}', plainSha)
    assert.containsSubset(await verifyAuditChain(), { ok: false, eventId: 2, problem: 'modified' })
  })

  test('detects a truncated tail whose chain head was fixed up, by its anchor', async ({
    assert,
    cleanup,
  }) => {
    const store = await anchorFile(cleanup)
    await appendThree()
    assert.containsSubset(await anchorAuditChain(store), { status: 'anchored' })

    const second = await AuditEvent.findOrFail(2)
    await db.from('audit_events').where('id', 3).delete()
    await db
      .from('audit_chain_heads')
      .where('id', 1)
      .update({ last_event_id: 2, last_hash: second.hash })

    // The chain alone looks whole; the anchor knows there was an event #3.
    assert.containsSubset(await verifyAuditChain(), { ok: true, rows: 2 })
    assert.containsSubset(await verifyAuditChain({ anchors: await store.list() }), {
      ok: false,
      eventId: 3,
      problem: 'truncated',
    })
  })

  test('detects a chain rewritten by someone holding the key, by its anchor', async ({
    assert,
    cleanup,
  }) => {
    const store = await anchorFile(cleanup)
    await appendThree()
    await anchorAuditChain(store)

    await rewriteChain(2, '{"after":{"price":1},"before":{"price":0}}', (row) => hashRow(row))

    assert.containsSubset(await verifyAuditChain(), { ok: true, rows: 3 })
    assert.containsSubset(await verifyAuditChain({ anchors: await store.list() }), {
      ok: false,
      eventId: 3,
      problem: 'unanchored',
    })
  })

  test('anchoring checks the rows since the last anchor and refuses a broken chain', async ({
    assert,
    cleanup,
  }) => {
    const store = await anchorFile(cleanup)
    await appendThree()
    const first = await anchorAuditChain(store)
    assert.containsSubset(first, { status: 'anchored', anchor: { eventId: 3 } })
    assert.containsSubset(await anchorAuditChain(store), { status: 'unchanged' })

    await appendThree()
    await db.from('audit_events').where('id', 5).update({ actor_role: 'admin' })
    const refused = await anchorAuditChain(store)
    assert.containsSubset(refused, {
      status: 'refused',
      report: { eventId: 5, problem: 'modified' },
    })
    assert.lengthOf(await store.list(), 1)
  })

  test('detects a row whose content was changed', async ({ assert }) => {
    await appendThree()
    await db
      .from('audit_events')
      .where('id', 2)
      .update({ changes: '{"after":{"price":1},"before":{"price":0}}' })
    const report = await verifyAuditChain()
    assert.containsSubset(report, { ok: false, eventId: 2, problem: 'modified', rows: 1 })
  })

  test('detects a deleted row in the middle', async ({ assert }) => {
    await appendThree()
    await db.from('audit_events').where('id', 2).delete()
    assert.containsSubset(await verifyAuditChain(), { ok: false, eventId: 2, problem: 'missing' })
  })

  test('detects a deleted last row', async ({ assert }) => {
    await appendThree()
    await db.from('audit_events').where('id', 3).delete()
    assert.containsSubset(await verifyAuditChain(), { ok: false, eventId: 3, problem: 'missing' })
  })

  test('detects a row rewritten with a fresh hash but a forged link', async ({ assert }) => {
    await appendThree()
    await db
      .from('audit_events')
      .where('id', 3)
      .update({ prev_hash: 'f'.repeat(64) })
    assert.containsSubset(await verifyAuditChain(), { ok: false, eventId: 3, problem: 'relinked' })
  })

  test('audit:anchor records the head; audit:verify exits 0 on an intact log and 1 on a tampered one', async ({
    assert,
    cleanup,
  }) => {
    ace.ui.switchMode('raw')
    cleanup(() => ace.ui.switchMode('normal'))
    const store = await anchorFile(cleanup)
    await appendThree()
    const anchored = await ace.exec('audit:anchor', [])
    assert.equal(anchored.exitCode, 0)
    anchored.assertLogMatches(/Anchored event #3/)
    assert.containsSubset(await store.list(), [{ eventId: 3 }])

    const intact = await ace.exec('audit:verify', [])
    assert.equal(intact.exitCode, 0)
    intact.assertLogMatches(/Audit log intact: 3 events verified against 1 anchors/)

    await db.from('audit_events').where('id', 3).update({ actor_role: 'admin' })
    const tampered = await ace.exec('audit:verify', [])
    assert.equal(tampered.exitCode, 1)
    tampered.assertLogMatches(/Audit event #3 was modified after it was written/)
    const refused = await ace.exec('audit:anchor', [])
    assert.equal(refused.exitCode, 1)
    refused.assertLogMatches(/Not anchored: Audit event #3 was modified/)
  })

  test('never stores secrets in the diff', ({ assert }) => {
    const change = changeBetween(
      { password: 'old', bankAccountNumber: '1', name: 'a' },
      { password: 'new', bankAccountNumber: '2', name: 'a' }
    )
    assert.deepEqual(change, {
      before: { password: '[redacted]', bankAccountNumber: '[redacted]' },
      after: { password: '[redacted]', bankAccountNumber: '[redacted]' },
    })
    assert.equal(SYSTEM_ACTOR.role, 'system')
  })
})
