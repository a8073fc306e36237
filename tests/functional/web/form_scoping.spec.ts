import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { QueueManager } from '@adonisjs/queue'
import Address from '#models/address'
import { CategoryFactory, UserFactory } from '#database/factories/index'
import { createListing } from '#tests/helpers/commerce'
import { placePaidOrder } from '#tests/functional/orders/helpers'
import { postRefund } from '#tests/functional/admin/payment_helpers'
import { formsOf, type PageForm } from '#tests/helpers/html_forms'

const seoul = {
  recipient: '김고객',
  phone: '010-1234-5678',
  country: 'KR',
  postalCode: '06236',
  line1: '서울특별시 강남구 테헤란로 152',
}

/** The form posting to `action`, and the value each of its inputs shows. */
function formFor(html: string, action: string) {
  const form = formsOf(html).forms.find((candidate) => candidate.attributes.action === action)
  if (!form) throw new Error(`No form posts to ${action}`)
  return form
}

function valueOf(form: PageForm, name: string) {
  return form.controls.find((control) => control.name === name)?.attributes.value
}

function errorsIn(html: string, action: string) {
  const start = html.indexOf(`action="${action}"`)
  const form = html.slice(start, html.indexOf('</form>', start))
  return form.match(/data-test="error-[^"]+"/g) ?? []
}

/*
 * Pages with several forms that share field names: what one form sent (and
 * its errors) comes back in that form only. Another form refilled with it
 * would save those values over its own record.
 */
test.group('Forms | several forms on one page', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    QueueManager.fake()
    return () => QueueManager.restore()
  })

  test('a refused address refills its own form, not the profile or other addresses', async ({
    client,
    assert,
  }) => {
    const user = await UserFactory.merge({ phone: '010-0000-0000' }).create()
    const home = await Address.create({ ...seoul, userId: user.id, isDefault: true })
    const office = await Address.create({ ...seoul, recipient: '회사', userId: user.id })

    const refused = await client
      .put(`/account/addresses/${home.id}`)
      .header('referer', '/account')
      .form({ ...seoul, recipient: '잘못 입력', phone: 'call me', form: `address-${home.id}` })
      .loginAs(user)
      .withCsrfToken()
      .redirects(0)
    assert.property(refused.flashMessage('inputErrorsBag'), 'phone')

    const page = await client
      .get('/account')
      .loginAs(user)
      .withFlashMessages(refused.flashMessages())
    const html = page.text()
    const homeAction = `/account/addresses/${home.id}?_method=PUT`
    const officeAction = `/account/addresses/${office.id}?_method=PUT`
    assert.equal(valueOf(formFor(html, homeAction), 'recipient'), '잘못 입력')
    assert.equal(valueOf(formFor(html, homeAction), 'phone'), 'call me')
    assert.lengthOf(errorsIn(html, homeAction), 1)

    assert.equal(valueOf(formFor(html, officeAction), 'recipient'), '회사')
    assert.equal(valueOf(formFor(html, officeAction), 'phone'), seoul.phone)
    assert.deepEqual(errorsIn(html, officeAction), [])
    assert.equal(valueOf(formFor(html, '/account/addresses'), 'recipient'), '')
    assert.deepEqual(errorsIn(html, '/account/addresses'), [])
    assert.equal(valueOf(formFor(html, '/account?_method=PUT'), 'phone'), '010-0000-0000')
    assert.deepEqual(errorsIn(html, '/account?_method=PUT'), [])
  })

  test('a refused new category refills the add form only, not the edit forms', async ({
    client,
    assert,
  }) => {
    const staff = await UserFactory.apply('staff').create()
    const food = await CategoryFactory.merge({
      slug: 'food',
      name: '식품',
      nameEn: 'Food',
    }).create()

    const refused = await client
      .post('/admin/categories')
      .header('referer', '/admin/categories')
      .form({ name: '주방', nameEn: 'Kitchen', slug: 'food', position: 3, form: 'category-new' })
      .loginAs(staff)
      .withCsrfToken()
      .redirects(0)
    assert.property(refused.flashMessage('inputErrorsBag'), 'slug')

    const page = await client
      .get('/admin/categories')
      .loginAs(staff)
      .withFlashMessages(refused.flashMessages())
    const html = page.text()
    const add = formFor(html, '/admin/categories')
    assert.equal(valueOf(add, 'name'), '주방')
    assert.equal(valueOf(add, 'slug'), 'food')
    assert.lengthOf(errorsIn(html, '/admin/categories'), 1)

    const editAction = `/admin/categories/${food.id}?_method=PUT`
    const edit = formFor(html, editAction)
    assert.equal(valueOf(edit, 'name'), '식품')
    assert.equal(valueOf(edit, 'nameEn'), 'Food')
    assert.deepEqual(errorsIn(html, editAction), [])
  })

  test('a refused refund fills neither the cancel form nor its error', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const { variant } = await createListing({ price: 12_000, stock: 3 })
    const { order, payment } = await placePaidOrder([{ variant }])

    const refused = await postRefund(client, admin, payment.id, {
      amount: '999999',
      reason: '부분 환불 사유',
      form: `refund-${payment.id}`,
    })
    assert.property(refused.flashMessage('inputErrorsBag'), 'refund')

    const page = await client
      .get(`/admin/orders/${order.id}`)
      .loginAs(admin)
      .withFlashMessages(refused.flashMessages())
    const html = page.text()
    const refund = formFor(html, `/admin/payments/${payment.id}/refunds`)
    assert.equal(valueOf(refund, 'reason'), '부분 환불 사유')
    const cancelAction = `/admin/orders/${order.id}/cancel`
    const start = html.indexOf(`action="${cancelAction}"`)
    const cancel = html.slice(start, html.indexOf('</form>', start))
    assert.notInclude(cancel, '부분 환불 사유')
    assert.deepEqual(errorsIn(html, cancelAction), [])
  })
})
