import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import ace from '@adonisjs/core/services/ace'
import db from '@adonisjs/lucid/services/db'
import { appendAuditEntry, GENESIS_HASH } from '#audit/audit_log'
import { verifyAuditChain } from '#audit/chain_verifier'
import { changeBetween } from '#audit/change'
import { SYSTEM_ACTOR } from '#audit/actor'

const meta = { ip: '203.0.113.7', userAgent: 'test-agent', requestId: 'req-1' }

async function appendThree() {
  for (const [index, price] of [100, 200, 300].entries()) {
    await appendAuditEntry(
      {
        action: 'product.updated',
        actor: { userId: 7, role: 'seller' },
        subjectType: 'product',
        subjectId: index + 1,
        change: changeBetween({ price: 0 }, { price }),
      },
      meta
    )
  }
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
    assert.deepEqual(await verifyAuditChain(), { ok: true, rows: 3 })
  })

  test('an empty log verifies', async ({ assert }) => {
    assert.deepEqual(await verifyAuditChain(), { ok: true, rows: 0 })
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

  test('audit:verify exits 0 on an intact log and 1 on a tampered one', async ({
    assert,
    cleanup,
  }) => {
    ace.ui.switchMode('raw')
    cleanup(() => ace.ui.switchMode('normal'))
    await appendThree()
    const intact = await ace.exec('audit:verify', [])
    assert.equal(intact.exitCode, 0)
    intact.assertLogMatches(/Audit log intact: 3 events verified/)

    await db.from('audit_events').where('id', 1).update({ actor_role: 'admin' })
    const tampered = await ace.exec('audit:verify', [])
    assert.equal(tampered.exitCode, 1)
    tampered.assertLogMatches(/Audit event #1 was modified after it was written/)
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
