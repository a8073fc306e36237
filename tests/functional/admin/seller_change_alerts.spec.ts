import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import SendMail, { type QueuedMail } from '#jobs/notifications/send_mail'
import { UserFactory, createSellerOwner } from '#database/factories/index'
import { NEW_ACCOUNT, changesOf, saveSettings, settingsForm } from '../seller/settings_helpers.js'

test.group('Back office | payout account change alerts', (group) => {
  let queue: ReturnType<typeof QueueManager.fake>
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    queue = QueueManager.fake()
    return () => QueueManager.restore()
  })

  /** The messages of the mails queued so far. */
  const queuedMails = () =>
    queue
      .getPushedJobs()
      .filter((pushed) => pushed.job.name === 'SendMail')
      .map((pushed) => (pushed.job.payload as QueuedMail).mail.message)

  test('mails every admin, in their language, when a seller asks to change its payout account', async ({
    client,
    assert,
  }) => {
    const korean = await UserFactory.apply('admin')
      .merge({ email: 'ko-admin@example.com' })
      .create()
    const english = await UserFactory.apply('admin')
      .merge({ email: 'en-admin@example.com', locale: 'en' })
      .create()
    await UserFactory.apply('staff').merge({ email: 'staff@example.com' }).create()
    const { owner, seller } = await createSellerOwner()

    await saveSettings(
      client,
      owner,
      settingsForm(seller, {
        bankName: '신한은행',
        bankAccountHolder: '박새로',
        bankAccountNumber: NEW_ACCOUNT,
      })
    )

    queue.assertPushed(SendMail)
    const [request] = await changesOf(seller)
    const mails = queuedMails()
    assert.lengthOf(mails, 2)
    const to = (email: string) =>
      mails.find((message) => JSON.stringify(message.to).includes(email))!
    assert.equal(to(korean.email).subject, `[Jangteo] 정산 계좌 변경 요청: ${seller.name}`)
    const text = String(to(korean.email).text)
    assert.include(text, `판매자 ${seller.name}에서 정산 계좌 변경을 요청했습니다.`)
    assert.include(text, `현재 계좌: Test Bank ****6789 (Kim Test)`)
    assert.include(text, '요청한 계좌: 신한은행 ****8812 (박새로)')
    assert.include(text, `/admin/seller-changes/${request.id}`)
    assert.equal(
      to(english.email).subject,
      `[Jangteo] Payout account change requested: ${seller.name}`
    )
    assert.include(String(to(english.email).text), 'Requested account: 신한은행 ****8812 (박새로)')
    for (const message of mails) {
      for (const digits of ['778812', '3330202', '123-456789']) {
        assert.notInclude(JSON.stringify(message), digits)
      }
    }
    assert.isUndefined(mails.find((message) => JSON.stringify(message.to).includes('staff@')))
  })

  test('mails no one when the payout account stays the same', async ({ client, assert }) => {
    await UserFactory.apply('admin').create()
    const { owner, seller } = await createSellerOwner()

    await saveSettings(client, owner, settingsForm(seller, { name: '이름만바꾼상회' }))

    assert.lengthOf(await changesOf(seller), 1)
    assert.lengthOf(queuedMails(), 0)
  })

  test('mails no one when the change is refused', async ({ client, assert }) => {
    await UserFactory.apply('admin').create()
    const { owner, seller } = await createSellerOwner()
    const { seller: other } = await createSellerOwner()

    await saveSettings(
      client,
      owner,
      settingsForm(seller, { businessNumber: other.businessNumber, bankAccountNumber: NEW_ACCOUNT })
    )

    assert.lengthOf(await changesOf(seller), 0)
    assert.lengthOf(queuedMails(), 0)
  })
})
