import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import { Logger } from '@adonisjs/core/logger'
import mail from '@adonisjs/mail/services/main'
import { QueueManager } from '@adonisjs/queue'
import SendMail, { type QueuedMail } from '#jobs/notifications/send_mail'
import { mailPreviews } from '#config/mail'
import OrderPlacedMail from '../../../app/mails/order_placed_mail.js'
import { MailPreviewStore } from '../../../app/mails/mail_preview_store.js'
import { PreviewTransport } from '../../../app/mails/transports/preview_transport.js'
import { workUntil } from '#tests/helpers/queue'
import { orderData } from './fixtures.js'

/** An order for a recipient no other test (or test process) uses. */
function uniqueOrder() {
  return orderData('ko', { email: `buyer-${randomUUID()}@example.com` })
}

/** The preview kept for `email`, if any. */
async function previewFor(email: string) {
  const store = new MailPreviewStore(mailPreviews)
  const previews = await store.list()
  const kept = previews.find((preview) => preview.to[0]?.includes(email))
  return kept ? store.find(kept.id) : null
}

/** Queues a mail on a fake queue and returns the SendMail payload it pushed. */
async function queuedPayload(sendable: OrderPlacedMail) {
  using fake = QueueManager.fake()
  await mail.sendLater(sendable)
  fake.assertPushed(SendMail, { queue: 'default' })
  return fake.getPushedJobs()[0].job.payload as QueuedMail
}

test.group('Mail | queued sending', () => {
  test('sendLater queues a SendMail job carrying the finished message as JSON', async ({
    assert,
  }) => {
    const payload = await queuedPayload(new OrderPlacedMail(orderData('ko')))

    assert.deepEqual(JSON.parse(JSON.stringify(payload)), payload)
    assert.equal(payload.mailer, 'preview')
    assert.equal(payload.mail.message.subject, '[Jangteo] 주문이 접수되었습니다 (JT-20261122-0042)')
    assert.deepEqual(payload.mail.message.to, [{ address: 'minji@example.com', name: '김민지' }])
    assert.include(String(payload.mail.message.html), '123-456-789012')
    assert.include(String(payload.mail.message.text), '총 결제금액: ₩138,800')
  })

  test('running the job with the preview mailer keeps the message instead of sending it', async ({
    assert,
  }) => {
    const order = uniqueOrder()
    const payload = await queuedPayload(new OrderPlacedMail(order))

    await SendMail.dispatch(payload).with('sync')

    const preview = await previewFor(order.email)
    const from = mail.config.from as { address: string; name: string }
    assert.equal(preview?.subject, '[Jangteo] 주문이 접수되었습니다 (JT-20261122-0042)')
    assert.equal(preview?.from, `${from.name} <${from.address}>`)
    assert.include(preview?.html, '123-456-789012')
    assert.include(preview?.text, '입금 참조번호: JT0042')
  })

  test('a queue worker delivers what sendLater stored in the configured queue', async ({
    assert,
  }) => {
    const order = uniqueOrder()

    await mail.sendLater(new OrderPlacedMail(order))
    await workUntil(async () => (await previewFor(order.email)) !== null, { queues: ['default'] })

    const preview = await previewFor(order.email)
    assert.include(preview?.text, '총 결제금액: ₩138,800')
  })

  test('refuses to queue a mail with an in-memory attachment', async ({ assert }) => {
    using fake = QueueManager.fake()

    await assert.rejects(
      () =>
        mail.sendLater((message) => {
          message.to('buyer@example.com').subject('Invoice').text('Attached')
          message.attachData(Buffer.from('%PDF'), { filename: 'invoice.pdf' })
        }),
      /Cannot queue a mail with a Buffer or stream attachment/
    )
    fake.assertNothingPushed()
  })
})

test.group('Mail | preview mailer', (group) => {
  let directory: string
  group.each.setup(async () => {
    directory = await mkdtemp(join(tmpdir(), 'jangteo-mail-previews-'))
    return () => rm(directory, { recursive: true, force: true })
  })

  test('logs who a message was for and its subject, never its body', async ({ assert }) => {
    const lines: string[] = []
    const logger = new Logger({
      enabled: true,
      name: 'test',
      level: 'info',
      destination: { write: (line: string) => lines.push(line) },
    })
    const transport = new PreviewTransport(new MailPreviewStore({ directory, keep: 5 }), logger)
    const sendable = new OrderPlacedMail(orderData('ko'))
    await sendable.buildWithContents()

    const response = await transport.send(sendable.message.toObject().message)

    assert.lengthOf(lines, 1)
    assert.include(lines[0], 'minji@example.com')
    assert.include(lines[0], '주문이 접수되었습니다 (JT-20261122-0042)')
    for (const secret of ['123-456-789012', '제주시 첨단로', '010-1234-5678', '<table']) {
      assert.notInclude(lines[0], secret)
    }
    assert.deepEqual(response.envelope, { from: false, to: ['minji@example.com'] })
  })

  test('keeps only the newest previews, listed newest first', async ({ assert }) => {
    const store = new MailPreviewStore({ directory, keep: 2 })
    for (const [index, date] of ['2026-11-20', '2026-11-21', '2026-11-22'].entries()) {
      await store.save({
        id: MailPreviewStore.newId(new Date(`${date}T09:00:00Z`)),
        date: `${date}T09:00:00.000Z`,
        from: null,
        to: [`customer${index}@example.com`],
        cc: [],
        bcc: [],
        subject: `Mail ${index}`,
        html: '<p>Hi</p>',
        text: 'Hi',
      })
    }

    const previews = await store.list()

    assert.deepEqual(
      previews.map((preview) => preview.subject),
      ['Mail 2', 'Mail 1']
    )
    assert.isNull(await store.find('../../etc/passwd'))
  })
})
