import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import { encodeForm } from '#tests/helpers/forms'
import { createSellerOwner } from '#database/factories/index'
import { setPolicy } from '#tests/helpers/commerce'
import { quote, save, testText, versionsOf } from '#tests/functional/seller/shipping_helpers'

test.group('Seller center | shipping quote simulator', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
  })

  test('switches the surcharge off, and the simulator then charges none for Jeju', async ({
    client,
    assert,
  }) => {
    const { owner, seller } = await createSellerOwner()
    await setPolicy(seller, 'domestic', 'flat', { amount: 3000 })
    const off = await save(client, owner, 'surcharge', { code: '', version: 0 })
    off.assertStatus(302)
    const [row] = await versionsOf(seller, 'surcharge')
    assert.isNull(row.code)

    const response = await quote(client, owner, '63100')
    assert.equal(testText(response.text(), 'quote-fee'), '₩3,000')
  })

  test('the simulator adds the Jeju surcharge to the domestic fee', async ({ client, assert }) => {
    const { owner, seller } = await createSellerOwner()
    await setPolicy(seller, 'domestic', 'flat', { amount: 3000 })

    const jeju = await quote(client, owner, '63100')
    jeju.assertStatus(200)
    const html = jeju.text()
    assert.equal(testText(html, 'quote-fee'), '₩6,000')
    assert.include(html, '기본 배송비')
    assert.include(html, '제주 추가 배송비')

    const seoul = await quote(client, owner, '06236')
    assert.equal(testText(seoul.text(), 'quote-fee'), '₩3,000')
    assert.notInclude(seoul.text(), '제주 추가 배송비: ')
  })

  test('the simulator explains a destination the seller does not serve', async ({ client }) => {
    const { owner } = await createSellerOwner()
    const response = await quote(client, owner, '10001', 'US')
    response.assertStatus(200)
    response.assertTextIncludes('data-reason="country_not_served"')
    response.assertTextIncludes('판매자가 이 국가로 배송하지 않습니다.')
  })

  test('the simulator refuses bad lines, no lines, or an unknown country', async ({
    client,
    assert,
  }) => {
    const { owner } = await createSellerOwner()
    const send = (form: Record<string, unknown>) =>
      client
        .post('/seller/shipping/quote')
        .header('referer', '/seller/shipping')
        .unsafeForm(encodeForm(form))
        .loginAs(owner)
        .withCsrfToken()
        .redirects(0)

    const badLines = await send({
      items: [
        { quantity: '', unitPrice: '', weightGrams: '' },
        { quantity: '0', unitPrice: '1000', weightGrams: '' },
        { quantity: '', unitPrice: '', weightGrams: '300' },
      ],
      country: 'XX',
    })
    badLines.assertStatus(302)
    const errors = badLines.flashMessage('inputErrorsBag') as Record<string, string[]>
    assert.sameMembers(Object.keys(errors), [
      'items.1.quantity',
      'items.2.quantity',
      'items.2.unitPrice',
      'country',
    ])
    assert.equal(errors['items.1.quantity'][0], '수량은 1 이상이어야 합니다')

    const noLines = await send({ items: [{ quantity: '', unitPrice: '' }], country: 'KR' })
    assert.deepEqual(noLines.flashMessage('inputErrorsBag'), {
      items: ['상품 줄을 1개 이상 추가하세요'],
    })
  })
})
